package dev.olbot.rest.methods.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.rest.methods.message.Button.Display;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode wire(Object value) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    @Nested
    class KeyboardJson {

        @Test
        void buildsTheDocumentedV1KeyboardExample() throws Exception {
            // REFERENCE §4.5, [RU-hist] 5e02c3ae:api-reference/chats/messages/keyboards.md (imbot.message.add KEYBOARD)
            Keyboard kb = Keyboard.builder()
                    .button(Button.text("Открыть сайт").link("https://www.example.ru/").display(Display.LINE).bgColorToken(ColorToken.PRIMARY))
                    .button(Button.text("Команда task").command("task", "задача №1").display(Display.LINE).bgColorToken(ColorToken.SECONDARY))
                    .newLine()
                    .button(Button.text("Подставить текст").action(ButtonAction.PUT, "/task задача №1").display(Display.BLOCK)
                            .bgColorToken(ColorToken.ALERT).textColor("#FFFFFF"))
                    .button(Button.text("Нейтральная кнопка").action(ButtonAction.SEND, "Готово").display(Display.BLOCK)
                            .bgColorToken(ColorToken.BASE))
                    .build();

            assertThat(wire(kb.toParam())).isEqualTo(JSON.readTree("""
                    {"BUTTONS":[{"TEXT":"Открыть сайт","LINK":"https://www.example.ru/","DISPLAY":"LINE","BG_COLOR_TOKEN":"primary"},{"TEXT":"Команда task","COMMAND":"task","COMMAND_PARAMS":"задача №1","DISPLAY":"LINE","BG_COLOR_TOKEN":"secondary"},{"TYPE":"NEWLINE"},{"TEXT":"Подставить текст","ACTION":"PUT","ACTION_VALUE":"/task задача №1","DISPLAY":"BLOCK","BG_COLOR_TOKEN":"alert","TEXT_COLOR":"#FFFFFF"},{"TEXT":"Нейтральная кнопка","ACTION":"SEND","ACTION_VALUE":"Готово","DISPLAY":"BLOCK","BG_COLOR_TOKEN":"base"}]}"""));
        }

        @Test
        void buildsTheDocumentedEchoBotKeyboardAsABareArray() throws Exception {
            // REFERENCE §4.5, [RU-hist] fad194f9 EchoBot imbot.command.answer, PHP arrays as JSON
            Keyboard kb = Keyboard.builder()
                    .button(Button.text("Bitrix24").link("http://bitrix24.com").bgColorToken(ColorToken.PRIMARY).bgColor("#29619b")
                            .textColor("#fff").display(Display.LINE))
                    .button(Button.text("BitBucket").link("https://bitbucket.org/Bitrix24com/rest-bot-echotest")
                            .bgColorToken(ColorToken.SECONDARY).bgColor("#2a4c7c").textColor("#fff").display(Display.LINE))
                    .newLine()
                    .button(Button.text("Echo").command("echo", "test from keyboard").display(Display.LINE).bgColorToken(ColorToken.ALERT))
                    .button(Button.text("List").command("echoList").display(Display.LINE))
                    .button(Button.text("Help").command("help").display(Display.LINE))
                    .build();

            assertThat(wire(kb.buttons())).isEqualTo(JSON.readTree("""
                    [{"TEXT":"Bitrix24","LINK":"http://bitrix24.com","BG_COLOR_TOKEN":"primary","BG_COLOR":"#29619b","TEXT_COLOR":"#fff","DISPLAY":"LINE"},
                     {"TEXT":"BitBucket","LINK":"https://bitbucket.org/Bitrix24com/rest-bot-echotest","BG_COLOR_TOKEN":"secondary","BG_COLOR":"#2a4c7c","TEXT_COLOR":"#fff","DISPLAY":"LINE"},
                     {"TYPE":"NEWLINE"},
                     {"TEXT":"Echo","COMMAND":"echo","COMMAND_PARAMS":"test from keyboard","DISPLAY":"LINE","BG_COLOR_TOKEN":"alert"},
                     {"TEXT":"List","COMMAND":"echoList","DISPLAY":"LINE"},
                     {"TEXT":"Help","COMMAND":"help","DISPLAY":"LINE"}]"""));
        }

        @Test
        void carriesBlockDisabledWidthAppAndBotId() throws Exception {
            Keyboard kb = Keyboard.builder().botId(39)
                    .button(Button.text("Next").command("page", "2").block(true).disabled(false).width(100))
                    .button(Button.text("Form").app("12", "form=1"))
                    .button(Button.text("Call").action(ButtonAction.CALL, "+11234567890"))
                    .build();

            assertThat(wire(kb.toParam())).isEqualTo(JSON.readTree("""
                    {"BOT_ID":39,"BUTTONS":[{"TEXT":"Next","COMMAND":"page","COMMAND_PARAMS":"2","BLOCK":"Y","DISABLED":"N","WIDTH":100},
                     {"TEXT":"Form","APP_ID":"12","APP_PARAMS":"form=1"},{"TEXT":"Call","ACTION":"CALL","ACTION_VALUE":"+11234567890"}]}"""));
        }

        @Test
        void rejectsAButtonWithoutTextOrAction() {
            assertThatThrownBy(() -> Button.text(" ")).hasMessage("KEYBOARD button: TEXT is required");
            assertThatThrownBy(() -> Keyboard.builder().button(Button.text("Dead")))
                    .hasMessage("KEYBOARD button \"Dead\": one of COMMAND, LINK, ACTION or APP_ID is required");
            assertThatThrownBy(() -> Keyboard.builder().button(Button.text("L").link("https://x").block(true)))
                    .hasMessageContaining("BLOCK works only with COMMAND");
            assertThatThrownBy(() -> Keyboard.builder().newLine().build()).hasMessage("KEYBOARD: at least one button is required");
        }
    }

    @Nested
    class MenuJson {

        @Test
        void buildsTheDocumentedMenuExample() throws Exception {
            // REFERENCE §4.6, api-reference/chats/messages/menu.md
            Menu menu = Menu.builder().link("Open Website", "https://example.com").build();

            assertThat(wire(java.util.Map.of("MENU", menu.toParam()))).isEqualTo(JSON.readTree("""
                    {"MENU":{"ITEMS":[{"TEXT":"Open Website","LINK":"https://example.com"}]}}"""));
        }

        @Test
        void buildsTheCommandAnswerMenuAsABareArrayWithCommandsAndActions() throws Exception {
            Menu menu = Menu.builder().link("bitrix24", "https://bitrix24.com")
                    .command("Repeat", "echo", "again").context(Button.Context.MOBILE)
                    .action("Copy", ButtonAction.COPY, "text").disabled()
                    .build();

            assertThat(wire(menu.items())).isEqualTo(JSON.readTree("""
                    [{"TEXT":"bitrix24","LINK":"https://bitrix24.com"},
                     {"TEXT":"Repeat","COMMAND":"echo","COMMAND_PARAMS":"again","CONTEXT":"MOBILE"},
                     {"TEXT":"Copy","ACTION":"COPY","ACTION_VALUE":"text","DISABLED":"Y"}]"""));
        }

        @Test
        void rejectsAnEmptyMenuOrItemWithoutText() {
            assertThatThrownBy(() -> Menu.builder().build()).hasMessage("MENU: at least one item is required");
            assertThatThrownBy(() -> Menu.builder().link(null, "https://x")).hasMessage("MENU item: TEXT is required");
        }
    }

    @Nested
    class AttachJson {

        @Test
        void buildsTheDocumentedCommandAnswerAttach() throws Exception {
            // REFERENCE §4.7 / §4.8, api-reference/chat-bots/outdated/commands/imbot-command-answer.md
            Attach attach = Attach.builder().message("Task details").delimiter().link("Open", "https://example.com").build();

            assertThat(wire(attach.toParam())).isEqualTo(JSON.readTree("""
                    {"BLOCKS":[{"MESSAGE":"Task details"},{"DELIMITER":true},{"LINK":{"NAME":"Open","LINK":"https://example.com"}}]}"""));
        }

        @Test
        void buildsEveryBlockKindWithColour() throws Exception {
            Attach attach = Attach.builder().id(1).colorToken(ColorToken.PRIMARY).color("#29619b")
                    .user("Samantha Johnson", f -> f.set("AVATAR", "https://example.com/a.png").set("USER_ID", 103))
                    .image("https://files.shelenkov.com/bitrix/images/mantis.jpg", f -> f.set("NAME", "This is Mantis"))
                    .file("https://example.com/doc.pdf", "doc.pdf", 1024L)
                    .delimiter(200, "#c8c8c8")
                    .grid(g -> g.set("NAME", "Priority").set("VALUE", "High").set("COLOR_TOKEN", "alert").set("DISPLAY", "LINE").set("WIDTH", 250),
                            g -> g.set("NAME", "Category").set("VALUE", "Requests").set("DISPLAY", "LINE"))
                    .build();

            assertThat(wire(attach.toParam())).isEqualTo(JSON.readTree("""
                    {"ID":1,"COLOR_TOKEN":"primary","COLOR":"#29619b","BLOCKS":[
                      {"USER":{"NAME":"Samantha Johnson","AVATAR":"https://example.com/a.png","USER_ID":103}},
                      {"IMAGE":[{"LINK":"https://files.shelenkov.com/bitrix/images/mantis.jpg","NAME":"This is Mantis"}]},
                      {"FILE":[{"LINK":"https://example.com/doc.pdf","NAME":"doc.pdf","SIZE":1024}]},
                      {"DELIMITER":{"SIZE":200,"COLOR":"#c8c8c8"}},
                      {"GRID":[{"NAME":"Priority","VALUE":"High","COLOR_TOKEN":"alert","DISPLAY":"LINE","WIDTH":250},
                               {"NAME":"Category","VALUE":"Requests","DISPLAY":"LINE"}]}]}"""));
        }

        @Test
        void rejectsAnAttachOverSixtyThousandCharacters() {
            String big = "x".repeat(Attach.MAX_CHARS);
            assertThatThrownBy(() -> Attach.builder().message(big).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the platform rejects more than 60000 (ATTACH_OVERSIZE)");
            String fits = "x".repeat(Attach.MAX_CHARS - "{\"BLOCKS\":[{\"MESSAGE\":\"\"}]}".length());
            assertThat(Attach.builder().message(fits).build().toParam()).containsKey("BLOCKS");
        }

        @Test
        void rejectsMissingRequiredBlockFields() {
            assertThatThrownBy(() -> Attach.builder().build()).hasMessage("ATTACH: at least one block is required");
            assertThatThrownBy(() -> Attach.builder().image("", f -> {})).hasMessage("ATTACH: IMAGE.LINK is required");
            assertThatThrownBy(() -> Attach.builder().grid(g -> g.set("NAME", "n"))).hasMessage("ATTACH GRID item: DISPLAY is required");
        }
    }
}
