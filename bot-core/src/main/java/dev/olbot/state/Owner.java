package dev.olbot.state;

/**
 * Who owns an open-line dialog. The bot's intent handlers run only while the bot owns it.
 *
 * <pre>
 * BOT ──toOperator()──▶ WAITING_OPERATOR ──operator writes──▶ OPERATOR ──finish──▶ FINISHED
 *  │ └─transfer()────▶ TRANSFERRED ─────────operator writes──▶ OPERATOR
 *  └─finish()────────▶ FINISHED
 * any ──new session id / bot joins again──▶ BOT
 * </pre>
 */
public enum Owner {
    BOT,
    WAITING_OPERATOR,
    TRANSFERRED,
    OPERATOR,
    FINISHED;

    /** True when the bot's intent handlers may answer. */
    public boolean botMayAnswer() {
        return this == BOT;
    }
}
