package dev.olbot.testkit;

/** A handler's answer for a list method: lifted to {@code result}, {@code total} and {@code next}. */
record ListResult(Object items, long total, Long next) {}
