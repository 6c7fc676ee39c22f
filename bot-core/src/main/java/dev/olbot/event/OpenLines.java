package dev.olbot.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the open-line identity of a chat from its entity fields (REFERENCE §6):
 * {@code CHAT_ENTITY_ID = connector|line|connectorChat|connectorUser},
 * {@code CHAT_ENTITY_DATA_1 = Y|LEAD|1209|N|N|343|...} (CRM flag, type, id, ..., session id at index 5),
 * {@code CHAT_ENTITY_DATA_2 = LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0}.
 */
final class OpenLines {

    static final String LINES = "LINES";

    private OpenLines() {}

    /** The identity when the entity type is {@code LINES} and an entity id is present. */
    static Optional<OpenLine> parse(Optional<String> entityType, Optional<String> entityId, String data1, String data2) {
        if (entityType.filter(LINES::equalsIgnoreCase).isEmpty() || entityId.isEmpty()) {
            return Optional.empty();
        }
        String[] id = entityId.get().split("\\|", -1);
        String[] session = data1.split("\\|", -1);
        return Optional.of(new OpenLine(
                slot(id, 0),
                Values.parseLong(slot(id, 1)).orElse(0L),
                slot(id, 2),
                slot(id, 3),
                Values.parseLong(slot(session, 5)).filter(v -> v > 0),
                crm(session, data2)));
    }

    static CrmBinding crm(String[] data1, String data2) {
        Map<String, Long> bindings = new LinkedHashMap<>();
        String[] pairs = data2.split("\\|", -1);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String type = pairs[i];
            Optional<Long> id = Values.parseLong(pairs[i + 1]);
            if (!type.isEmpty() && id.isPresent()) {
                bindings.put(type, id.get());
            }
        }
        boolean saved = "Y".equalsIgnoreCase(slot(data1, 0));
        Optional<String> type = Optional.of(slot(data1, 1)).filter(s -> !s.isEmpty() && !"NONE".equalsIgnoreCase(s));
        Optional<Long> entity = Values.parseLong(slot(data1, 2)).filter(v -> v > 0);
        if (!saved && type.isEmpty() && entity.isEmpty() && bindings.isEmpty()) {
            return CrmBinding.NONE;
        }
        return new CrmBinding(saved, type, entity, java.util.Collections.unmodifiableMap(bindings));
    }

    private static String slot(String[] parts, int i) {
        return i < parts.length ? parts[i].trim() : "";
    }
}
