package dev.olbot.testkit;

import java.util.List;

/** A bot command registered with {@code imbot.command.register}. */
final class CommandRecord {
    final int id;
    final int botId;
    final String appId;
    String command;
    String handlerUrl;
    boolean common;
    boolean hidden;
    List<Object> lang;

    CommandRecord(int id, int botId, String appId) {
        this.id = id;
        this.botId = botId;
        this.appId = appId;
    }
}
