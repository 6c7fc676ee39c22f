package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;

/** The result of {@code imconnector.status}. */
public record ConnectorStatus(long line, String connector, boolean error, boolean configured, boolean status) {

    public static ConnectorStatus from(JsonNode s) {
        return new ConnectorStatus(Results.id(s.get("LINE")), Results.text(s, "CONNECTOR"), Results.bool(s.get("ERROR")),
                Results.bool(s.get("CONFIGURED")), Results.bool(s.get("STATUS")));
    }
}
