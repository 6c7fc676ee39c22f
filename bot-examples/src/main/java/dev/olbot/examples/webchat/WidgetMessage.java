package dev.olbot.examples.webchat;

/**
 * One line of a widget conversation, as the visitor's browser shows it.
 *
 * @param id       the widget's own id ({@code w-…}); for replies, the id the bridge reports back to Bitrix24
 * @param from     {@code visitor}, or the name shown for the line (operator or bot)
 * @param text     plain text (Bitrix24's BB-code is kept as sent)
 * @param bitrixId the message id in Bitrix24 ({@code im.message_id}), 0 for the visitor's own messages
 */
public record WidgetMessage(String id, String from, String text, long bitrixId) {

    WidgetMessage withText(String newText) {
        return new WidgetMessage(id, from, newText, bitrixId);
    }
}
