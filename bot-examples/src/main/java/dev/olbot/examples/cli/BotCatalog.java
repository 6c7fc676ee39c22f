package dev.olbot.examples.cli;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the bot a command runs: the providers given to {@link Olbot#run(String[], BotProvider...)}, then those
 * listed in {@code META-INF/services/dev.olbot.bot.BotProvider} (the shipped example bots among them), by
 * name; or a {@link BotProvider} class by its name; in either case also inside a {@code --jar}.
 */
final class BotCatalog {

    private final List<BotProvider> given;

    BotCatalog(List<BotProvider> given) {
        this.given = List.copyOf(given);
    }

    /** A bot ready to run, with the provider that made it. */
    record Chosen(BotProvider provider, Bot bot) {}

    /**
     * Resolves {@code nameOrClass} (may be null when {@code jar} holds exactly one provider) and builds the
     * bot with {@code config}. Throws {@link CliFailure} naming what is wrong.
     */
    Chosen choose(String nameOrClass, Path jar, Path config) {
        ClassLoader loader = loader(jar);
        BotProvider provider = find(nameOrClass, jar, loader);
        if (config != null && !Files.isRegularFile(config)) {
            throw CliFailure.noFile("bot config file", config);
        }
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return new Chosen(provider, provider.create(Optional.ofNullable(config)));
        } catch (RuntimeException e) {
            throw CliFailure.usage("bot '" + provider.name() + "' cannot start: " + firstLine(e.getMessage()), e);
        }
    }

    /** Known bot names with their descriptions, in lookup order. */
    Map<String, String> known(ClassLoader loader) {
        Map<String, String> out = new LinkedHashMap<>();
        providers(loader).forEach(p -> out.putIfAbsent(p.name(), p.description()));
        return out;
    }

    private BotProvider find(String nameOrClass, Path jar, ClassLoader loader) {
        if (nameOrClass == null || nameOrClass.isBlank()) {
            if (jar == null) {
                throw CliFailure.usage("no bot given: name one (" + names(loader) + ") or give --bot com.acme.YourBotProvider");
            }
            List<String> inJar = listedIn(jar);
            if (inJar.size() != 1) {
                throw CliFailure.usage(jar + " lists " + inJar.size() + " bot providers in " + SERVICES
                        + "; choose one with --bot NAME|CLASS");
            }
            return instantiate(inJar.get(0), loader);
        }
        for (BotProvider p : providers(loader)) {
            if (p.name().equalsIgnoreCase(nameOrClass) || p.getClass().getName().equals(nameOrClass)) {
                return p;
            }
        }
        if (nameOrClass.contains(".")) {
            return instantiate(nameOrClass, loader);
        }
        throw CliFailure.usage("unknown bot '" + nameOrClass + "': " + nearest(nameOrClass, loader) + "known bots are "
                + names(loader) + "; or give a class with --bot com.acme.YourBotProvider");
    }

    private static final String SERVICES = "META-INF/services/" + BotProvider.class.getName();

    /** The provider classes a jar lists in its services file (comments and blank lines skipped). */
    private static List<String> listedIn(Path jar) {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            var entry = zip.getEntry(SERVICES);
            if (entry == null) {
                return List.of();
            }
            try (var in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
            }
        } catch (IOException e) {
            throw CliFailure.usage(jar + " is not a jar file", e);
        }
    }

    private List<BotProvider> providers(ClassLoader loader) {
        List<BotProvider> all = new ArrayList<>(given);
        ServiceLoader.load(BotProvider.class, loader).stream().map(ServiceLoader.Provider::get).forEach(all::add);
        return all;
    }

    /** "did you mean 'faq'? " for a name one or two edits away from a known one, else nothing. */
    private String nearest(String typed, ClassLoader loader) {
        LevenshteinDistance distance = new LevenshteinDistance(2);
        return known(loader).keySet().stream()
                .filter(name -> distance.apply(name.toLowerCase(java.util.Locale.ROOT), typed.toLowerCase(java.util.Locale.ROOT)) >= 0)
                .findFirst().map(name -> "did you mean '" + name + "'? ").orElse("");
    }

    private String names(ClassLoader loader) {
        return known(loader).keySet().stream().collect(Collectors.joining(", "));
    }

    private static BotProvider instantiate(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw CliFailure.usage("bot class " + className + " is not on the class path (add it with --jar)", e);
        }
        if (!BotProvider.class.isAssignableFrom(type)) {
            throw CliFailure.usage("bot class " + className + " does not implement " + BotProvider.class.getName());
        }
        try {
            return (BotProvider) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw CliFailure.usage("bot class " + className + " needs a public no-argument constructor", e);
        }
    }

    private static ClassLoader loader(Path jar) {
        ClassLoader parent = BotCatalog.class.getClassLoader();
        if (jar == null) {
            return parent;
        }
        if (!Files.isRegularFile(jar)) {
            throw CliFailure.noFile("jar", jar);
        }
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            zip.size();
        } catch (IOException e) {
            throw CliFailure.usage(jar + " is not a jar file", e);
        }
        try {
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw CliFailure.usage("jar " + jar + " cannot be opened: " + e.getMessage(), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
