package dev.olbot.bot.routing;

import dev.olbot.bot.Handler;
import dev.olbot.bot.Reply;
import dev.olbot.bot.text.BbCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A numbered menu in the style of Bitrix24's own ITR bot: the bot shows "1. Sales, 2. Support…" as
 * clickable {@code [send=N]} lines and keyboard buttons; the first token of the client's next
 * message picks the item. {@code 0} is reserved: in open lines it is the platform's "to an operator".
 */
public final class NumberedMenu {

    /** One item. */
    public record Item(int number, String title, Handler handler) {}

    private final String name;
    private final String header;
    private final Map<Integer, Item> items;

    private NumberedMenu(String name, String header, Map<Integer, Item> items) {
        this.name = name;
        this.header = header;
        this.items = items;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<Item> items() {
        return List.copyOf(items.values());
    }

    /**
     * The item a message picks: its first token when that is an item number ("2", "2.", "2 please");
     * else an ordinal word in a short message ("второй", "the second one", "два"); else the one item
     * whose title shares the most topic words with the message ("вопрос по оплате" picks "Оплата и
     * документы"; Lucene-analysed, so inflections match). Empty when nothing or a tie.
     */
    public java.util.Optional<Item> pick(Utterance u) {
        String first = u.firstToken();
        if (first.matches("\\d{1,3}")) {
            return java.util.Optional.ofNullable(items.get(Integer.parseInt(first)));
        }
        if (u.tokens().size() <= 3) {
            java.util.Set<Integer> said = new java.util.HashSet<>();
            for (String t : u.tokens()) {
                Integer n = MenuWords.ORDINALS.get(t);
                if (n == null && u.tokens().size() == 1) {
                    n = MenuWords.CARDINALS.get(t);
                }
                if (n != null) {
                    said.add(n);
                }
            }
            if (said.size() == 1) {
                return java.util.Optional.ofNullable(items.get(said.iterator().next()));
            }
        }
        return byTopic(u);
    }

    private java.util.Optional<Item> byTopic(Utterance u) {
        List<String> said = dev.olbot.kb.TextAnalysis.standard().terms(u.text());
        Item best = null;
        int bestCount = 0;
        boolean tie = false;
        for (Item item : items.values()) {
            List<String> title = dev.olbot.kb.TextAnalysis.standard().terms(item.title());
            int count = (int) said.stream().filter(title::contains).count();
            if (count > bestCount) {
                best = item;
                bestCount = count;
                tie = false;
            } else if (count == bestCount && count > 0) {
                tie = true;
            }
        }
        return tie || best == null ? java.util.Optional.empty() : java.util.Optional.of(best);
    }

    /** The message that shows the menu: header, one clickable line per item, and a keyboard. */
    public Reply render() {
        StringBuilder text = new StringBuilder(header);
        List<Map<String, Object>> buttons = new ArrayList<>();
        for (Item item : items.values()) {
            String label = item.number() + ". " + item.title();
            text.append(BbCode.BR).append(BbCode.send(Integer.toString(item.number()), label));
            Map<String, Object> button = new LinkedHashMap<>();
            button.put("TEXT", label);
            button.put("ACTION", "SEND");
            button.put("ACTION_VALUE", Integer.toString(item.number()));
            button.put("DISPLAY", "LINE");
            buttons.add(button);
            buttons.add(Map.of("TYPE", "NEWLINE"));
        }
        if (!buttons.isEmpty()) {
            buttons.remove(buttons.size() - 1);
        }
        return Reply.text(text.toString()).keyboard(Map.of("BUTTONS", buttons));
    }

    public static final class Builder {
        private final String name;
        private String header = "";
        private final Map<Integer, Item> items = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** The text above the items. */
        public Builder header(String header) {
            this.header = header;
            return this;
        }

        public Builder item(int number, String title, Handler handler) {
            if (number < 1 || number > 999) {
                throw new IllegalArgumentException("menu '" + name + "': item numbers run from 1 to 999 (0 belongs to the"
                        + " platform: it sends the client to an operator); got " + number);
            }
            if (items.containsKey(number)) {
                throw new IllegalArgumentException("menu '" + name + "': item " + number + " is defined twice ('"
                        + items.get(number).title() + "' and '" + title + "')");
            }
            items.put(number, new Item(number, title, Objects.requireNonNull(handler)));
            return this;
        }

        public NumberedMenu build() {
            if (items.isEmpty()) {
                throw new IllegalStateException("menu '" + name + "' has no items");
            }
            return new NumberedMenu(name, header, Map.copyOf(items).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        }
    }
}
