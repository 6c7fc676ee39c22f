package dev.olbot.event;

import java.util.Map;
import java.util.Optional;

/**
 * The CRM link of an open-line chat, from {@code CHAT_ENTITY_DATA_1} slots 0-2
 * ({@code Y|LEAD|1209|...}) and the pairs of {@code CHAT_ENTITY_DATA_2}
 * ({@code LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0}).
 *
 * @param saved      slot 0: whether the dialog is saved to CRM
 * @param entityType slot 1, e.g. {@code LEAD}, {@code DEAL}; empty when none
 * @param entityId   slot 2
 * @param bindings   entity type to id from {@code CHAT_ENTITY_DATA_2}; ids of 0 are kept
 */
public record CrmBinding(boolean saved, Optional<String> entityType, Optional<Long> entityId, Map<String, Long> bindings) {

    public static final CrmBinding NONE = new CrmBinding(false, Optional.empty(), Optional.empty(), Map.of());

    /** The bound id of a CRM entity type ({@code LEAD}, {@code CONTACT}, ...), when it is non-zero. */
    public Optional<Long> id(String type) {
        Long v = bindings.get(type);
        return v == null || v == 0 ? Optional.empty() : Optional.of(v);
    }
}
