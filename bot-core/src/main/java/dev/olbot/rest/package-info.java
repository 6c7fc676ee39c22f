/**
 * API: the Bitrix24 REST client. Start at {@link dev.olbot.rest.RestClient#create}; typed method
 * groups build on the {@link dev.olbot.rest.RestCaller} seam. SPI: {@link dev.olbot.rest.TokenStore}
 * (where OAuth tokens live) and {@link dev.olbot.rest.RestClock} (time source of the pacing).
 *
 * <h2>Delivery semantics</h2>
 *
 * <p><b>What the platform tells.</b> A {@code batch} runs its commands one after another inside one
 * PHP request and, when it completes, answers HTTP 200 with each command's {@code result} or
 * {@code result_error} (with {@code halt=0}, a failed command does not stop the others). A refusal
 * before any command runs comes as the request's own error envelope: {@code QUERY_LIMIT_EXCEEDED}
 * (503), {@code OPERATION_TIME_LIMIT} (429), authorisation errors (401/403), batch-shape errors
 * (400/405). A 500 ({@code INTERNAL_SERVER_ERROR}, {@code ERROR_UNEXPECTED_ANSWER}), a body that is
 * not the envelope, a dropped connection after sending, or no answer at all, says nothing about
 * which commands ran: a fatal error late in the request comes after the earlier writes. Neither
 * {@code imbot.message.add} nor {@code imbot.v2.Chat.Message.send} documents an idempotency key the
 * platform would deduplicate by, so a blind resend can post a reply twice.
 *
 * <p><b>What the client does.</b>
 * <ul>
 *   <li>Known not executed (a refusal, a connection that never reached the portal): sent again —
 *       rate limits with back-off (at most 30 s each), held methods after their
 *       {@code operating_reset_at} — but never after the call's {@link dev.olbot.rest.CallOptions#deadline()
 *       deadline}: then it fails with {@link dev.olbot.rest.DeadlineExceededException} (certainly
 *       not executed). A call still queued at its deadline is dropped the same way.</li>
 *   <li>Unknown (the cases above): a read is sent again; a write fails with
 *       {@link dev.olbot.rest.CallOutcomeUnknownException} and is never resent by the client. For a
 *       coalesced {@code batch} this is per command: one fault does not turn the other dialogs'
 *       replies into errors, it turns them into "unknown", which the caller resolves.</li>
 *   <li>{@link dev.olbot.rest.RestClient#batch} reports every key: a failed chunk gives each of its
 *       commands that request's error (unknown stays unknown), later chunks still run (unless
 *       {@code halt}).</li>
 * </ul>
 * The bot's turn outbox resolves unknown replies by reading the dialog back
 * ({@code im.dialog.messages.get}) before it resends or apologises; see {@code dev.olbot.bot.turn.Outbox}.
 *
 * <p><b>Tokens.</b> A rotated OAuth pair is used from memory at once; if the
 * {@link dev.olbot.rest.TokenStore} cannot save it, the save is retried with back-off and one ERROR
 * is logged — the old refresh token is already spent, so losing the new pair would force a reinstall.
 */
package dev.olbot.rest;
