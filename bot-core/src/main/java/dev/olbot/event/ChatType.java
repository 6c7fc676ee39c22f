package dev.olbot.event;

/** The chat type letter Bitrix24 sends in {@code CHAT_TYPE}/{@code MESSAGE_TYPE} (or v2 {@code chat.type}). */
public enum ChatType {
    PRIVATE("P"), GROUP("C"), OPEN("O"), OPEN_LINE("L"), SYSTEM("S"), CHANNEL("N"), OPEN_CHANNEL("J"),
    COMMENT("T"), COPILOT("A"), COLLAB("B"), EXTERNAL("X"), UNKNOWN("");

    private final String code;

    ChatType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Parses the v1 letter or the v2 word ({@code private}, {@code chat}, {@code lines}, ...). */
    public static ChatType parse(String value) {
        if (value == null || value.isEmpty()) {
            return UNKNOWN;
        }
        for (ChatType t : values()) {
            if (!t.code.isEmpty() && t.code.equalsIgnoreCase(value)) {
                return t;
            }
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "private", "user" -> PRIVATE;
            case "chat", "group" -> GROUP;
            case "open" -> OPEN;
            case "lines", "openline", "livechat" -> OPEN_LINE;
            case "system" -> SYSTEM;
            case "channel" -> CHANNEL;
            case "openchannel" -> OPEN_CHANNEL;
            case "comment" -> COMMENT;
            case "copilot" -> COPILOT;
            case "collab" -> COLLAB;
            default -> UNKNOWN;
        };
    }
}
