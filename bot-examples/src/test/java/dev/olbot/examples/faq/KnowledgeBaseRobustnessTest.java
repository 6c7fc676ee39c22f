package dev.olbot.examples.faq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.kb.KbExamples;
import dev.olbot.kb.KbMatch;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client types, the shipped FAQ matcher decides without an error: a held-down letter
 * ("ааааааа" once threw), words run together, the same word twice, mixed alphabets, emoji, digits,
 * punctuation alone, very long text. Messages are built from the words of the shipped examples with a
 * fixed seed, so a failure names a message that can be replayed.
 */
class KnowledgeBaseRobustnessTest {

    private static final String[] ODD = {"😂", "👍🏻", "🇷🇺", "\u200b", "\u0301", "\u202e", "ё", "Ё", "ß", "İ", "ﬁ", "…", "№", "₽", "\t", "  ", "?!", "))))", "((", "\uD83D\uDE00"};

    @Test
    void decidesEveryOddlyTypedMessageWithoutAnError() {
        KnowledgeBase kb = KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE);
        KnowledgeBaseIndex index = KnowledgeBaseIndex.of(kb);
        List<String> words = new ArrayList<>();
        for (KbExamples.Example x : kb.examples().all()) {
            for (String w : x.text().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        Random random = new Random(20261202);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String message = message(random, words);
            try {
                KbMatch m = index.match(message);
                if (m == null) {
                    failures.add("null for \"" + message + "\"");
                }
            } catch (RuntimeException e) {
                failures.add(e + " for \"" + message + "\"");
            }
        }

        assertThat(failures).isEmpty();
    }

    private static String message(Random random, List<String> words) {
        String w = words.get(random.nextInt(words.size()));
        String v = words.get(random.nextInt(words.size()));
        return switch (random.nextInt(10)) {
            case 0 -> String.valueOf(w.isEmpty() ? 'а' : w.charAt(0)).repeat(3 + random.nextInt(12)); // a letter held down
            case 1 -> w + v; // two words run together
            case 2 -> w + w; // the same word twice, together
            case 3 -> w + " " + ODD[random.nextInt(ODD.length)] + v;
            case 4 -> mixedAlphabets(random, w + " " + v);
            case 5 -> ODD[random.nextInt(ODD.length)].repeat(1 + random.nextInt(5));
            case 6 -> (w + " ").repeat(50 + random.nextInt(200)); // very long
            case 7 -> random.nextInt(100000) + " " + w + "-" + v + "/" + random.nextInt(100);
            case 8 -> w.substring(0, Math.max(1, w.length() / 2)) + " " + v.toUpperCase();
            default -> w + " " + v + " " + words.get(random.nextInt(words.size()));
        };
    }

    /** Every other letter swapped for its look-alike in the other alphabet ("заkaз"). */
    private static String mixedAlphabets(Random random, String s) {
        String cyr = "аеорсухАВЕКМНОРСТХ";
        String lat = "aeopcyxABEKMHOPCTX";
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            int i = cyr.indexOf(c);
            int j = lat.indexOf(c);
            b.append(random.nextBoolean() && i >= 0 ? lat.charAt(i) : random.nextBoolean() && j >= 0 ? cyr.charAt(j) : c);
        }
        return b.toString();
    }
}
