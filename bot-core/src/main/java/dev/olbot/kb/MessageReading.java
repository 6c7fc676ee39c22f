package dev.olbot.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How {@link KnowledgeBaseIndex#match} reads a whole client message before and around deciding one
 * text: a bare reply ("нет", "ок") is no answer; a message naming another business's thing ({@link
 * KbWords}) is out of scope — unless it addresses the shop ({@link ChatWords#addressesUs}: "у вас", "your"),
 * when the other business is a comparison or an aside ("рассрочка у вас есть? в Hoff диван так брал"); a message of two or three questions ({@link MessageParts}) whose parts
 * are confident answers of different entries gets them all — except a part that only reports what
 * happened ({@link Reports}: "возврат оформлен и одобрен, а деньги когда на карту упадут?") while
 * another answered part does not: that part is the question's context, so the refund time alone is
 * answered, not the returns too; a story before the question lets the
 * last question decide; and a message in Latin letters only that is not answered as written (or
 * that only the classifier turned away) is answered by its Cyrillic reading when that is an answer
 * ("prishel brak chto delat" → "пришел брак что делат": its words' readings alone are weaker matches,
 * and a short one like "brak" none).
 * Immutable and thread-safe.
 */
final class MessageReading {

    /** A decision, the ranker's alone, and whether the message says a foreign word ({@link PhraseIndex.Ranking#foreignWord()}). */
    record Decision(KbMatch match, KbMatch ranked, boolean foreignWord) {}

    private final KbWords.Matcher notOurs;
    private final Function<String, Decision> decide;

    MessageReading(KbWords.Matcher notOurs, Function<String, Decision> decide) {
        this.notOurs = notOurs;
        this.decide = decide;
    }

    /** A message's decision as written, and the whole message's own decision when it was made (null otherwise). */
    private record Read(KbMatch match, Decision whole) {}

    KbMatch match(String text) {
        Read written = asWritten(text);
        Optional<String> reading = Transliteration.readingOf(text);
        if (written.match() instanceof KbMatch.Answer || reading.isEmpty() || turnedAwayByTheRanker(text, written)) {
            return written.match();
        }
        return reading.map(r -> asWritten(r).match()).filter(KbMatch.Answer.class::isInstance).orElse(written.match());
    }

    /**
     * Turned away as written, and not by the classifier alone: a Latin-only message the ranker
     * answered or offered but the classifier turned away is read in Cyrillic too ("rabotaete
     * segodnya?", "skidki", "samovivoz": the classifier learned few Latin-typed words, so "not ours"
     * leads for them), while one the ranker itself turned away stays turned away. An English message
     * is read too, and its reading is answered only when the classifier backs it in Cyrillic ("how many
     * miles do i have on aeroflot bonus" reads as a "бонус" question: one such message on the FAQ's
     * examples, against seven Latin-typed Russian ones answered).
     */
    private boolean turnedAwayByTheRanker(String text, Read written) {
        if (!(written.match() instanceof KbMatch.NoAnswer n) || !n.outOfScope()) {
            return false;
        }
        KbMatch ranked = (written.whole() != null ? written.whole() : decide.apply(text)).ranked();
        return !(ranked instanceof KbMatch.Answer || ranked instanceof KbMatch.DidYouMean);
    }

    private Read asWritten(String text) {
        if (ChatWords.bareReply(text)) {
            return new Read(new KbMatch.NoAnswer(0), null); // "нет", "ок": a reply in a conversation, no question
        }
        if (notOurs.names(text) && !ChatWords.addressesUs(text)) {
            // "скидка на абонемент в фитнес": not ours; "от какой суммы у вас бесплатная доставка? на озоне от тысячи": ours
            return new Read(new KbMatch.NoAnswer(0, true), null);
        }
        List<MessageParts.Part> parts = MessageParts.split(text);
        List<KbMatch.Answer> answered = new ArrayList<>();
        List<KbMatch.Answer> asked = new ArrayList<>(); // the answered parts that do not only report what happened
        for (MessageParts.Part part : parts.size() < 2 ? List.<MessageParts.Part>of() : parts) {
            if (decide.apply(part.text()).match() instanceof KbMatch.Answer a) {
                answered.add(a);
                if (!Reports.context(part)) {
                    asked.add(a);
                }
            } // else a greeting or a story around the question
        }
        // "возврат оформлен": what happened, not what is asked — dropped beside a part that is no report
        boolean context = answered.size() >= 2 && !asked.isEmpty() && asked.size() < answered.size();
        List<KbMatch.Candidate> answers = new ArrayList<>();
        for (KbMatch.Answer a : context ? asked : answered) {
            if (answers.stream().noneMatch(c -> c.entry().equals(a.entry()))) {
                answers.add(new KbMatch.Candidate(a.entry(), a.confidence()));
            }
        }
        if (context && answers.size() == 1) {
            return new Read(new KbMatch.Answer(answers.get(0).entry(), answers.get(0).confidence()), null);
        }
        if (answers.size() >= 2) {
            return new Read(new KbMatch.Answer(answers.get(0).entry(), answers.get(0).confidence(), answers.subList(1, answers.size())), null);
        }
        Decision whole = decide.apply(text); // the whole message, once its parts did not answer apart
        return new Read(afterStory(text, whole), whole);
    }

    /**
     * A story before the question ("заказал позавчера ноутбук, начальник торопит. когда привезут?"):
     * when the whole message is no answer — unless a foreign word turned it away — or only a "did
     * you mean", its last sentence, a question, decides if it is an answer (or, for no answer, a
     * "did you mean").
     */
    private KbMatch afterStory(String text, Decision whole) {
        if (whole.ranked() instanceof KbMatch.Answer || whole.foreignWord()) {
            return whole.match();
        }
        Optional<String> question = MessageParts.lastQuestion(text);
        if (question.isEmpty()) {
            return whole.match();
        }
        KbMatch asked = decide.apply(question.get()).match();
        if (asked instanceof KbMatch.Answer || asked instanceof KbMatch.DidYouMean && whole.match() instanceof KbMatch.NoAnswer) {
            return asked;
        }
        return whole.match();
    }
}
