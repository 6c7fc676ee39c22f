package dev.olbot.examples.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * Client messages typed oddly, built from real words with a fixed seed so a failure names a message
 * that can be replayed: a letter held down, words run together or written twice, look-alike letters of
 * the other alphabet, emoji and invisible characters, digits and slashes, very long text.
 */
public final class OddMessages {

    private static final String[] ODD = {"😂", "👍🏻", "🇷🇺", "\u200b", "\u0301", "\u202e", "ё", "Ё", "ß", "İ", "ﬁ", "…", "№", "₽",
        "\t", "  ", "?!", "))))", "((", "\uD83D\uDE00", "\n", "[b]", "[/url]", "<script>", "&amp;", "%00", "\\"};

    private final List<String> words;
    private final Random random;

    /** @param texts real messages: their words are the material */
    public OddMessages(Collection<String> texts, long seed) {
        this.words = new ArrayList<>();
        for (String t : texts) {
            for (String w : t.split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words in the texts");
        }
        this.random = new Random(seed);
    }

    /** The next message. */
    public String next() {
        String w = word();
        String v = word();
        return switch (random.nextInt(10)) {
            case 0 -> String.valueOf(w.charAt(0)).repeat(3 + random.nextInt(12)); // a letter held down
            case 1 -> w + v; // two words run together
            case 2 -> w + w; // the same word twice, together
            case 3 -> w + " " + odd() + v;
            case 4 -> mixedAlphabets(w + " " + v);
            case 5 -> odd().repeat(1 + random.nextInt(5));
            case 6 -> (w + " ").repeat(50 + random.nextInt(200)); // very long
            case 7 -> random.nextInt(100000) + " " + w + "-" + v + "/" + random.nextInt(100);
            case 8 -> w.substring(0, Math.max(1, w.length() / 2)) + " " + v.toUpperCase();
            default -> w + " " + v + " " + word();
        };
    }

    private String word() {
        return words.get(random.nextInt(words.size()));
    }

    private String odd() {
        return ODD[random.nextInt(ODD.length)];
    }

    /** Letters swapped at random for their look-alikes in the other alphabet ("заkaз"). */
    private String mixedAlphabets(String s) {
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
