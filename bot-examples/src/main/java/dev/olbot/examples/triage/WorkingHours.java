package dev.olbot.examples.triage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A week schedule in a time zone: per day, the open intervals (none = closed). Immutable. */
public record WorkingHours(ZoneId zone, Map<DayOfWeek, List<Interval>> week) {

    /** {@code from} inclusive, {@code to} exclusive. */
    public record Interval(LocalTime from, LocalTime to) {
        public Interval {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("an interval must end after it starts: " + from + "-" + to);
            }
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    public WorkingHours {
        Map<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((d, l) -> copy.put(d, List.copyOf(l)));
        week = java.util.Collections.unmodifiableMap(copy);
    }

    /** Open around the clock. */
    public static WorkingHours always(ZoneId zone) {
        Map<DayOfWeek, List<Interval>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, List.of(new Interval(LocalTime.MIN, LocalTime.MAX)));
        }
        return new WorkingHours(zone, w);
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime t = at.atZone(zone);
        return week.getOrDefault(t.getDayOfWeek(), List.of()).stream().anyMatch(i -> i.contains(t.toLocalTime()));
    }
}
