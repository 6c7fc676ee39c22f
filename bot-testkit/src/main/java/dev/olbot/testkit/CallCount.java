package dev.olbot.testkit;

/** How many matching calls a verification expects: {@code exactly(1)}, {@code atLeast(2)}, {@code never()}. */
public record CallCount(int min, int max) {

    public static CallCount exactly(int n) {
        return new CallCount(n, n);
    }

    public static CallCount atLeast(int n) {
        return new CallCount(n, Integer.MAX_VALUE);
    }

    public static CallCount never() {
        return new CallCount(0, 0);
    }

    boolean accepts(int n) {
        return n >= min && n <= max;
    }

    @Override
    public String toString() {
        if (min == max) {
            return "exactly " + min;
        }
        return "at least " + min;
    }
}
