package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Portal-wide Open Lines state that belongs to no single chat: quick answers, supervisors' votes, joined network lines. */
public final class LineState {

    /** A supervisor's rating of a finished session ({@code imopenlines.session.head.vote}); a null field was not given. */
    public record HeadVote(Integer rating, String comment, int byUserId) {}

    final List<String> quickAnswers = new ArrayList<>();
    final Map<Integer, HeadVote> headVotes = new LinkedHashMap<>();
    /** {@code imopenlines.network.join}: line code → the network bot's user id on this portal. */
    final Map<String, Integer> networkBots = new LinkedHashMap<>();

    LineState() {}
}
