package dev.olbot.rest.methods;

import static dev.olbot.rest.methods.MethodSpec.read;
import static dev.olbot.rest.methods.MethodSpec.write;
import static dev.olbot.rest.methods.ResultKind.OBJECT;

import java.util.List;

/**
 * Custom connectors ({@code imconnector.*}, scope {@code imopenlines}). Docs:
 * {@code api-reference/imopenlines/imconnector/imconnector-*.md}. The message methods take
 * {@code MESSAGES}, an array of {@code {user, message, chat}} objects with lower-case keys.
 */
public final class ConnectorSpecs {

    private static final String DIR = "api-reference/imopenlines/imconnector/";

    public static final MethodSpec REGISTER = write("imconnector.register")
            .requires("ID", "NAME", "ICON", "ICON.DATA_IMAGE", "PLACEMENT_HANDLER")
            .optional("ICON_DISABLED", "DEL_EXTERNAL_MESSAGES", "EDIT_INTERNAL_MESSAGES", "DEL_INTERNAL_MESSAGES",
                    "NEWSLETTER", "NEED_SYSTEM_MESSAGES", "NEED_SIGNATURE", "CHAT_GROUP")
            .returns(OBJECT).doc(DIR + "imconnector-register.md").build();
    public static final MethodSpec ACTIVATE = write("imconnector.activate")
            .requires("CONNECTOR", "LINE", "ACTIVE").positive("LINE").doc(DIR + "imconnector-activate.md").build();
    public static final MethodSpec STATUS = read("imconnector.status")
            .requires("CONNECTOR").optional("LINE").returns(OBJECT).doc(DIR + "imconnector-status.md").build();
    public static final MethodSpec CONNECTOR_DATA_SET = write("imconnector.connector.data.set")
            .requires("CONNECTOR", "LINE", "DATA").positive("LINE").doc(DIR + "imconnector-connector-data-set.md").build();
    public static final MethodSpec LIST = read("imconnector.list")
            .returns(OBJECT).doc(DIR + "imconnector-list.md").build();
    public static final MethodSpec UNREGISTER = write("imconnector.unregister")
            .requires("ID").returns(OBJECT).doc(DIR + "imconnector-unregister.md").build();
    public static final MethodSpec SEND_MESSAGES = messages("imconnector.send.messages", "imconnector-send-messages.md");
    public static final MethodSpec UPDATE_MESSAGES = messages("imconnector.update.messages", "imconnector-update-messages.md");
    public static final MethodSpec DELETE_MESSAGES = messages("imconnector.delete.messages", "imconnector-delete-messages.md");
    public static final MethodSpec SEND_STATUS_DELIVERY = messages("imconnector.send.status.delivery", "imconnector-send-status-delivery.md");
    public static final MethodSpec SEND_STATUS_READING = messages("imconnector.send.status.reading", "imconnector-send-status-reading.md");
    public static final MethodSpec CHAT_NAME_SET = write("imconnector.chat.name.set")
            .requires("CONNECTOR", "LINE", "CHAT_ID", "NAME").positive("LINE").optional("USER_ID")
            .returns(OBJECT).doc(DIR + "imconnector-chat-name-set.md").build();

    public static final List<MethodSpec> ALL = List.of(REGISTER, ACTIVATE, STATUS, CONNECTOR_DATA_SET, LIST, UNREGISTER,
            SEND_MESSAGES, UPDATE_MESSAGES, DELETE_MESSAGES, SEND_STATUS_DELIVERY, SEND_STATUS_READING, CHAT_NAME_SET);

    private static MethodSpec messages(String name, String page) {
        return write(name).requires("CONNECTOR", "LINE", "MESSAGES").positive("LINE")
                .returns(OBJECT).doc(DIR + page).build();
    }

    private ConnectorSpecs() {}
}
