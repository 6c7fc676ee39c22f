package dev.olbot.state;

/** Identifies one dialog of one bot on one portal. */
public record DialogKey(String portal, long botId, String dialogId) {

    @Override
    public String toString() {
        return portal + "/" + botId + "/" + dialogId;
    }

    /** Parses {@link #toString()}. */
    public static DialogKey parse(String s) {
        int a = s.indexOf('/');
        int b = s.indexOf('/', a + 1);
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("not a dialog key: " + s);
        }
        return new DialogKey(s.substring(0, a), Long.parseLong(s.substring(a + 1, b)), s.substring(b + 1));
    }
}
