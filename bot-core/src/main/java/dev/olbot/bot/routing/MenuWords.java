package dev.olbot.bot.routing;

import java.util.HashMap;
import java.util.Map;

/** Russian and English words for "the n-th" and "n" that pick a menu item (normalized forms). */
final class MenuWords {

    static final Map<String, Integer> ORDINALS = new HashMap<>();
    static final Map<String, Integer> CARDINALS = new HashMap<>();

    static {
        String[][] ordinals = {
                {"первый", "первая", "первое", "первую", "первого", "first", "1st"},
                {"второй", "вторая", "второе", "вторую", "второго", "second", "2nd"},
                {"третий", "третья", "третье", "третью", "третьего", "third", "3rd"},
                {"четвертый", "четвертая", "четвертое", "четвертую", "четвертого", "fourth", "4th"},
                {"пятый", "пятая", "пятое", "пятую", "пятого", "fifth", "5th"},
                {"шестой", "шестая", "шестое", "шестую", "шестого", "sixth", "6th"},
                {"седьмой", "седьмая", "седьмое", "седьмую", "седьмого", "seventh", "7th"},
                {"восьмой", "восьмая", "восьмое", "восьмую", "восьмого", "eighth", "8th"},
                {"девятый", "девятая", "девятое", "девятую", "девятого", "ninth", "9th"}};
        String[][] cardinals = {{"один", "одна", "one"}, {"два", "две", "two"}, {"три", "three"}, {"четыре", "four"},
                {"пять", "five"}, {"шесть", "six"}, {"семь", "seven"}, {"восемь", "eight"}, {"девять", "nine"}};
        for (int i = 0; i < ordinals.length; i++) {
            for (String w : ordinals[i]) {
                ORDINALS.put(w, i + 1);
            }
        }
        for (int i = 0; i < cardinals.length; i++) {
            for (String w : cardinals[i]) {
                CARDINALS.put(w, i + 1);
            }
        }
    }

    private MenuWords() {}
}
