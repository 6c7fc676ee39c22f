package dev.olbot.bot.flow;

import dev.olbot.bot.BotContext;
import dev.olbot.bot.Handler;
import dev.olbot.bot.Reply;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.bot.text.BotTexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A multi-step conversation: ask → validate → store → next, whose position and answers live in the
 * dialog state (so a restart in the middle resumes where it was).
 *
 * <pre>{@code
 * Flow lead = Flow.named("lead")
 *     .ask("name", "How may we call you?", Validation.name("Please write your name"))
 *     .ask("phone", "Your phone number?", Validation.phone("Like +7 999 123-45-67, please"))
 *     .maxAttempts(3, ctx -> ctx.toOperator())
 *     .cancelWords("cancel", "отмена")
 *     .timeout(Duration.ofMinutes(10), ctx -> { ctx.reply("No answer — closing."); ctx.finish(); })
 *     .onComplete(ctx -> { ctx.createLead(); ctx.transferToLine(3, true); })
 *     .build();
 * }</pre>
 */
public final class Flow {

    /** One question of a flow. */
    /**
     * A question of the flow.
     *
     * @param known   what may already be known about the answer (e.g. the name in the client's
     *                profile): then {@code confirm} asks to confirm it instead of {@code prompt}
     * @param confirm the confirmation question for a known value
     */
    public record Step(String name, Function<BotContext, Reply> prompt, Validation.Validator validator,
            Function<BotContext, Optional<String>> known, java.util.function.BiFunction<BotContext, String, Reply> confirm) {

        public Step(String name, Function<BotContext, Reply> prompt, Validation.Validator validator) {
            this(name, prompt, validator, ctx -> Optional.empty(), (ctx, v) -> prompt.apply(ctx));
        }
    }

    /** Answers that confirm a known value ("да", "yes", ...), normalized. */
    public static final Set<String> YES = Set.of("да", "верно", "да верно", "ага", "угу", "конечно", "правильно", "yes", "yep",
            "yeah", "correct", "right", "sure", "ok");
    /** Answers that reject it. */
    public static final Set<String> NO = Set.of("нет", "не", "неверно", "нет не так", "no", "nope", "wrong", "not me");

    private final String name;
    private final List<Step> steps;
    private final int maxAttempts;
    private final Handler onTooManyAttempts;
    private final Set<String> cancelWords;
    private final Handler onCancel;
    private final Duration timeout;
    private final Handler onTimeout;
    private final Handler onComplete;
    private final int offerWayOutAfter;
    private final dev.olbot.kb.LocalText wayOut;

    private Flow(Builder b) {
        this.name = b.name;
        this.steps = List.copyOf(b.steps);
        this.maxAttempts = b.maxAttempts;
        this.onTooManyAttempts = b.onTooManyAttempts;
        this.cancelWords = b.cancelWords.stream().map(Utterance::normalize).collect(Collectors.toUnmodifiableSet());
        this.onCancel = b.onCancel;
        this.timeout = b.timeout;
        this.onTimeout = b.onTimeout;
        this.onComplete = b.onComplete;
        this.offerWayOutAfter = b.offerWayOutAfter;
        this.wayOut = b.wayOut;
    }

    /** Invalid answers to one question after which the question comes with {@link #wayOut()}. */
    public int offerWayOutAfter() {
        return offerWayOutAfter;
    }

    /** What the flow says to show the client the way out (ask for a person, cancel). */
    public dev.olbot.kb.LocalText wayOut() {
        return wayOut;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<Step> steps() {
        return steps;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Handler onTooManyAttempts() {
        return onTooManyAttempts;
    }

    public boolean isCancel(Utterance u) {
        return cancelWords.contains(u.normalized());
    }

    public Handler onCancel() {
        return onCancel;
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public Handler onTimeout() {
        return onTimeout;
    }

    public Handler onComplete() {
        return onComplete;
    }

    /** Builds a flow; {@link #ask} at least once and {@link #onComplete} are required. */
    public static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();
        private int maxAttempts = 3;
        private Handler onTooManyAttempts = ctx -> {
            ctx.cancelFlow();
            if (ctx.dialog().isOpenLine()) {
                ctx.reply(BotTexts.TOO_MANY_ATTEMPTS.in(ctx.language()));
                ctx.toOperator();
            } else {
                ctx.reply(BotTexts.CANCELLED.in(ctx.language()));
            }
        };
        private int offerWayOutAfter = 2;
        private dev.olbot.kb.LocalText wayOut = BotTexts.WAY_OUT;
        private List<String> cancelWords = List.of("cancel", "stop", "отмена", "стоп");
        private Handler onCancel = ctx -> ctx.reply(BotTexts.CANCELLED.in(ctx.language()));
        private Duration timeout;
        private Handler onTimeout = ctx -> {};
        private Handler onComplete;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a flow needs a name");
            }
            this.name = name;
        }

        /** A question with a fixed text. */
        public Builder ask(String answerName, String question, Validation.Validator validator) {
            return ask(answerName, ctx -> Reply.text(question), validator);
        }

        /** A question computed per dialog (e.g. with a keyboard, or a template over earlier answers). */
        public Builder ask(String answerName, Function<BotContext, Reply> question, Validation.Validator validator) {
            Objects.requireNonNull(validator, "validator");
            if (steps.stream().anyMatch(s -> s.name().equals(answerName))) {
                throw new IllegalArgumentException("flow '" + name + "' asks for '" + answerName + "' twice");
            }
            steps.add(new Step(answerName, question, validator));
            return this;
        }

        /**
         * A question whose answer may already be known ({@code known} returns it, e.g. the name from
         * the client's profile): the flow asks {@code confirm} with the value instead; "да"/"yes"
         * accepts it, "нет"/"no" asks {@code question}, anything else is taken as the answer.
         */
        public Builder askOrConfirm(String answerName, Function<BotContext, Reply> question, Validation.Validator validator,
                Function<BotContext, Optional<String>> known, java.util.function.BiFunction<BotContext, String, Reply> confirm) {
            ask(answerName, question, validator);
            Step plain = steps.remove(steps.size() - 1);
            steps.add(new Step(plain.name(), plain.prompt(), plain.validator(), Objects.requireNonNull(known),
                    Objects.requireNonNull(confirm)));
            return this;
        }

        /**
         * After {@code attempts} invalid answers to one question, runs {@code then} (default 3: say
         * {@link BotTexts#TOO_MANY_ATTEMPTS} and hand an open-line dialog to an operator).
         */
        public Builder maxAttempts(int attempts, Handler then) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1");
            }
            this.maxAttempts = attempts;
            this.onTooManyAttempts = Objects.requireNonNull(then);
            return this;
        }

        /**
         * From the {@code invalidAnswers}-th invalid answer to a question on, the question asked again
         * comes with {@code text} (default {@link BotTexts#WAY_OUT}: write "operator" or "cancel");
         * default from the second invalid answer on.
         */
        public Builder offerWayOut(int invalidAnswers, dev.olbot.kb.LocalText text) {
            if (invalidAnswers < 1) {
                throw new IllegalArgumentException("offerWayOut: invalidAnswers must be >= 1");
            }
            this.offerWayOutAfter = invalidAnswers;
            this.wayOut = Objects.requireNonNull(text);
            return this;
        }

        /** Words that cancel the flow (normalized; default cancel, stop, отмена, стоп). */
        public Builder cancelWords(String... words) {
            this.cancelWords = List.of(words);
            return this;
        }

        public Builder onCancel(Handler handler) {
            this.onCancel = Objects.requireNonNull(handler);
            return this;
        }

        /** Runs {@code handler} when the client does not answer a question within {@code after}. */
        public Builder timeout(Duration after, Handler handler) {
            this.timeout = Objects.requireNonNull(after);
            this.onTimeout = Objects.requireNonNull(handler);
            return this;
        }

        /** Runs when every answer is in ({@code ctx.answers()}). */
        public Builder onComplete(Handler handler) {
            this.onComplete = Objects.requireNonNull(handler);
            return this;
        }

        public Flow build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("flow '" + name + "' has no questions");
            }
            if (onComplete == null) {
                throw new IllegalStateException("flow '" + name + "' has no onComplete handler");
            }
            return new Flow(this);
        }
    }
}
