package dev.olbot.rest.methods;

import dev.olbot.rest.RestCaller;
import dev.olbot.rest.methods.internal.Invoker;
import java.util.Objects;

/**
 * Typed Open Lines API over a {@link RestCaller}, for one portal. Immutable; the {@code with*}
 * methods return a copy. Each group validates parameters against {@link MethodCatalog} and throws
 * {@link IllegalArgumentException} before any call; results arrive as Vert.x futures that fail
 * with {@link dev.olbot.rest.RestException} when the platform answers an error.
 *
 * <pre>{@code
 * OpenLinesApi api = OpenLinesApi.on(restClient, memberId).withBotId(39);
 * api.imbot().send(OutgoingMessage.to("chat112").text("Hi!").keyboard(kb));
 * api.session().transfer(Transfer.toLine(112, 3).leavingNow());
 * }</pre>
 */
public final class OpenLinesApi {

    private final Invoker invoker;

    private OpenLinesApi(Invoker invoker) {
        this.invoker = invoker;
    }

    /** An API for {@code portal} (its {@code member_id}, or the label of a webhook client). */
    public static OpenLinesApi on(RestCaller caller, String portal) {
        return new OpenLinesApi(new Invoker(Objects.requireNonNull(caller, "caller"), Objects.requireNonNull(portal, "portal"),
                null, null, null));
    }

    /** {@code CLIENT_ID} of a bot registered through an inbound webhook; added to the calls that take it. */
    public OpenLinesApi withClientId(String clientId) {
        return new OpenLinesApi(new Invoker(invoker.caller(), invoker.portal(), clientId, invoker.botToken(), invoker.botId()));
    }

    /** {@code botToken} of a Chatbots 2.0 bot on a webhook; sent on {@code imbot.v2} calls, and as {@code CLIENT_ID} of transfer/finish when no CLIENT_ID is set. */
    public OpenLinesApi withBotToken(String botToken) {
        return new OpenLinesApi(new Invoker(invoker.caller(), invoker.portal(), invoker.clientId(), botToken, invoker.botId()));
    }

    /** The bot id sent as {@code BOT_ID}/{@code botId} when a call does not name one. */
    public OpenLinesApi withBotId(long botId) {
        return new OpenLinesApi(new Invoker(invoker.caller(), invoker.portal(), invoker.clientId(), invoker.botToken(), botId));
    }

    public Imbot imbot() {
        return new Imbot(invoker);
    }

    public ImbotV2 imbotV2() {
        return new ImbotV2(invoker);
    }

    /** {@code imopenlines.bot.session.*}. */
    public BotSession session() {
        return new BotSession(invoker);
    }

    public OpenLines openlines() {
        return new OpenLines(invoker);
    }

    public Connector connector() {
        return new Connector(invoker);
    }
}
