package dev.olbot.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier learned from a knowledge base itself, the way Rasa's intent classifiers are: each
 * entry is a class whose examples are its questions (all languages) and the team's client messages
 * labelled with it ({@link KbExamples}), and the out-of-scope examples (and messages labelled out of
 * scope) are one more class. Multinomial logistic regression over {@link KbFeatures} (the knowledge
 * base's words and pairs of neighbouring words), trained by full-batch gradient descent with L2 regularisation from
 * zero weights — no randomness, so one knowledge base always gives the same model. Every class
 * weighs the same in training whatever its number of examples, except the outside class, which
 * weighs {@link #OUTSIDE_WEIGHT} classes: it stands for everything else. Immutable and thread-safe.
 *
 * @param <T> the classes (entries, and what stands for "out of scope")
 */
final class KbClassifier<T> {

    /** Passes of gradient descent over the examples. */
    static final int ITERATIONS = 300;
    /**
     * Step of gradient descent (the features are of length 1, the loss a weighted mean): large, as
     * each feature's weight is moved only by the few examples that have it; on the FAQ knowledge base
     * the model fits every question after {@value #ITERATIONS} passes (2 and 10 left it short).
     */
    static final double LEARNING_RATE = 20;
    /** L2 penalty on the weights: keeps one word from deciding a class alone. */
    static final double L2 = 0.00005;
    /**
     * How many classes the outside class weighs in training. Its examples share that weight, so each
     * weighs less as they grow: 5 was chosen with about 1,000 of them; with 2,900 (the FAQ's near misses
     * of other businesses grown by 700) 8 turned away 8 more of the 206 near misses of the nineteen older
     * parts (cross-validated by part) and 27 out-of-scope messages in all, for 18 in-scope ones no longer
     * answered or offered; 6 and 10 did less.
     */
    static final double OUTSIDE_WEIGHT = 8.0;

    private final KbFeatures features;
    private final List<T> classes;
    private final Map<String, Integer> featureIndex;
    /** weights[class][feature], the last column the class's bias. */
    private final double[][] weights;

    private final long trainingMillis;

    private KbClassifier(KbFeatures features, List<T> classes, Map<String, Integer> featureIndex, double[][] weights, long trainingMillis) {
        this.features = features;
        this.classes = classes;
        this.featureIndex = featureIndex;
        this.weights = weights;
        this.trainingMillis = trainingMillis;
    }

    /**
     * The classifier of a knowledge base: each entry's questions (all languages) and examples are
     * its class, the out-of-scope examples the class {@code outside}; null when the base has fewer
     * than {@link SecondOpinion#MIN_CLASSES} classes. Learned once for the same content ({@link #LEARNED}).
     */
    static KbClassifier<Object> learn(KnowledgeBase kb, Object outside) {
        Taught key = new Taught(kb.entries(), kb.synonyms(), kb.outOfScope().all(),
                kb.examples().all().stream().map(e -> new Taught.Example(e.entries(), e.text())).toList(), outside);
        synchronized (LEARNED) {
            if (LEARNED.containsKey(key)) {
                return LEARNED.get(key);
            }
        }
        KbClassifier<Object> c = train(kb, outside);
        synchronized (LEARNED) {
            LEARNED.put(key, c);
        }
        return c;
    }

    /** Everything a classifier is learned from: two bases equal in these learn the same model. */
    private record Taught(List<KbEntry> entries, List<List<String>> synonyms, List<String> outOfScope, List<Example> examples,
            Object outside) {
        private record Example(java.util.Set<String> entries, String text) {}
    }

    /** How many learned classifiers are kept for reuse. */
    private static final int LEARNED_KEPT = 4;

    /**
     * The classifiers learned last, by what they were learned from: bots and indexes built from the
     * same knowledge base (loaded once or again) share its model instead of learning it again — a
     * second or two with thousands of examples.
     */
    private static final Map<Taught, KbClassifier<Object>> LEARNED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Taught, KbClassifier<Object>> eldest) {
            return size() > LEARNED_KEPT;
        }
    };

    private static KbClassifier<Object> train(KnowledgeBase kb, Object outside) {
        Map<Object, List<String>> examples = new LinkedHashMap<>();
        for (KbEntry e : kb.entries()) {
            List<String> texts = new ArrayList<>();
            e.questions().values().forEach(texts::addAll);
            texts.addAll(kb.examples().of(e));
            examples.put(e, texts);
        }
        List<String> outsideTexts = new ArrayList<>(kb.outOfScope().all());
        outsideTexts.addAll(kb.examples().outOfScope());
        if (!outsideTexts.isEmpty()) {
            examples.put(outside, outsideTexts);
        }
        return examples.size() < SecondOpinion.MIN_CLASSES ? null : train(kb.analysis(), examples, outside);
    }

    /** One training text. */
    private record Example(int[] features, double[] values, int label, double weight) {}

    /**
     * Trains on {@code examples} (class → its texts, in a fixed order); {@code outside} (may be
     * null) is the class that stands for everything the base is not about.
     */
    static <T> KbClassifier<T> train(TextAnalysis analysis, Map<T, List<String>> examples, T outside) {
        long start = System.nanoTime();
        KbFeatures features = new KbFeatures(analysis, examples.values().stream().flatMap(Collection::stream).toList());
        List<T> classes = List.copyOf(examples.keySet());
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Example> data = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<String> texts = examples.get(classes.get(c));
            double classWeight = classes.get(c).equals(outside) ? OUTSIDE_WEIGHT : 1.0;
            for (String text : texts) {
                Map<String, Double> f = features.of(text);
                int[] idx = new int[f.size()];
                double[] val = new double[f.size()];
                int i = 0;
                for (Map.Entry<String, Double> e : f.entrySet()) {
                    idx[i] = index.computeIfAbsent(e.getKey(), k -> index.size());
                    val[i++] = e.getValue();
                }
                data.add(new Example(idx, val, c, classWeight / texts.size()));
            }
        }
        double[][] w = new double[classes.size()][index.size() + 1];
        descend(data, w, index.size());
        return new KbClassifier<>(features, classes, Map.copyOf(index), w, (System.nanoTime() - start) / 1_000_000);
    }

    private static void descend(List<Example> data, double[][] w, int bias) {
        int k = w.length;
        double total = data.stream().mapToDouble(Example::weight).sum();
        double[][] grad = new double[k][w[0].length];
        double[] p = new double[k];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (double[] row : grad) {
                java.util.Arrays.fill(row, 0);
            }
            for (Example ex : data) {
                softmax(w, ex.features(), ex.values(), bias, p);
                for (int c = 0; c < k; c++) {
                    double g = (p[c] - (c == ex.label() ? 1 : 0)) * ex.weight() / total;
                    if (g == 0) {
                        continue;
                    }
                    double[] gc = grad[c];
                    for (int i = 0; i < ex.features().length; i++) {
                        gc[ex.features()[i]] += g * ex.values()[i];
                    }
                    gc[bias] += g;
                }
            }
            for (int c = 0; c < k; c++) {
                double[] wc = w[c];
                double[] gc = grad[c];
                for (int f = 0; f < wc.length; f++) {
                    double penalty = f == bias ? 0 : L2 * wc[f];
                    wc[f] -= LEARNING_RATE * (gc[f] + penalty);
                }
            }
        }
    }

    private static void softmax(double[][] w, int[] idx, double[] val, int bias, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double z = w[c][bias];
            for (int i = 0; i < idx.length; i++) {
                z += w[c][idx[i]] * val[i];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < w.length; c++) {
            p[c] /= sum;
        }
    }

    /** Each class's probability for {@code text}; they sum to 1. Features never seen in training are ignored. */
    Map<T, Double> probabilities(String text) {
        Map<String, Double> f = features.of(text);
        List<Integer> idx = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        f.forEach((name, v) -> {
            Integer i = featureIndex.get(name);
            if (i != null) {
                idx.add(i);
                val.add(v);
            }
        });
        double[] p = new double[classes.size()];
        softmax(weights, idx.stream().mapToInt(Integer::intValue).toArray(), val.stream().mapToDouble(Double::doubleValue).toArray(),
                featureIndex.size(), p);
        Map<T, Double> out = new HashMap<>();
        for (int c = 0; c < p.length; c++) {
            out.put(classes.get(c), p[c]);
        }
        return out;
    }

    /** How many features the model has learned weights for. */
    int featureCount() {
        return featureIndex.size();
    }

    /** The size of the weights (a double per class and feature, plus a bias per class). */
    long weightBytes() {
        return (long) weights.length * weights[0].length * Double.BYTES;
    }

    /** Classes, features, training time and the weights' size, for a log line or a benchmark. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "%d classes, %d features, trained in %d ms, weights %.0f KiB",
                classes.size(), featureIndex.size(), trainingMillis, weightBytes() / 1024.0);
    }

    /** How many classes it tells apart. */
    int classCount() {
        return classes.size();
    }
}
