package dev.olbot.examples.emulator;

import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.OpenLineChat;
import dev.olbot.testkit.RecordedCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The page's model: every dialog with its feed, owner and bot state, the operator's queue, the timeline, the clock. */
final class EmulatorView {

    private EmulatorView() {}

    static Map<String, Object> of(Emulator emulator, long version) {
        FakePortal portal = emulator.kit().fake().portal();
        List<RecordedCall> calls = emulator.kit().fake().calls().all();
        Set<String> notes = new HashSet<>();
        for (RecordedCall c : calls) {
            if (c.method().equals("imbot.message.add") && "Y".equals(c.param("SKIP_CONNECTOR"))) {
                notes.add(c.param("DIALOG_ID") + "\u0000" + c.param("MESSAGE"));
            }
        }
        Optional<Integer> botId = portal.botId(emulator.bot().code());
        List<Map<String, Object>> dialogs = new ArrayList<>();
        for (Emulator.Dialog d : emulator.dialogs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", d.index);
            m.put("name", d.name);
            OpenLineChat chat = d.chatOrNull();
            m.put("owner", chat == null ? "none" : chat.owner().name());
            if (chat != null) {
                m.put("dialogId", chat.dialogId());
                m.put("chatId", chat.id());
                m.put("lineId", chat.lineId());
                m.put("sessionId", chat.sessionId());
                m.put("operatorId", chat.operatorId());
                m.put("typing", typing(calls, chat.dialogId()));
                m.put("items", items(emulator.feed().items(chat.id()), chat.dialogId(), notes));
                botId.flatMap(id -> emulator.kit().engine().store().get(new DialogKey(portal.memberId(), id, chat.dialogId())))
                        .ifPresent(s -> m.put("state", state(s)));
            } else {
                m.put("items", List.of());
            }
            dialogs.add(m);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", version);
        view.put("bot", emulator.botName());
        view.put("clock", emulator.kit().clock().instant().toString());
        view.put("operatorId", emulator.kit().operatorId());
        view.put("dialogs", dialogs);
        view.put("timeline", emulator.timeline().entries());
        return view;
    }

    private static List<Map<String, Object>> items(List<Feed.Item> feed, String dialogId, Set<String> notes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Feed.Item i : feed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", i.role());
            m.put("text", i.text() == null ? "" : i.text());
            if (i.message() != null) {
                m.put("buttons", ScenarioRecorder.buttons(i.message().keyboard()));
                if (i.message().attach() != null) {
                    m.put("attach", i.message().attach());
                }
                m.put("operatorOnly", i.role().equals("bot") && notes.contains(dialogId + "\u0000" + i.text()));
            }
            out.add(m);
        }
        return out;
    }

    private static boolean typing(List<RecordedCall> calls, String dialogId) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            RecordedCall c = calls.get(i);
            String d = c.param("DIALOG_ID") != null ? c.param("DIALOG_ID") : c.param("dialogId");
            if (dialogId.equals(d)) {
                return c.method().equals("imbot.chat.sendtyping") || c.method().equals("imbot.v2.chat.inputaction.notify");
            }
        }
        return false;
    }

    private static Map<String, Object> state(DialogState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", s.owner().name());
        m.put("flow", s.flowPosition().map(f -> f.flow() + " step " + f.step()).orElse(""));
        m.put("answers", s.flowPosition().map(f -> (Object) f.answers()).orElse(Map.of()));
        m.put("vars", s.vars());
        m.put("version", s.version());
        m.put("timeout", s.timeoutName());
        return m;
    }
}
