package io.github.rdpdoctor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a synthetic fleet of symptom files for batch tests and benchmarks: the shipped examples with new host
 * names, spread over folders of 1000, plus a share of broken files (wrong type, missing host, malformed YAML).
 * Deterministic for a given seed. {@code java ... FleetGenerator OUT_DIR COUNT [BAD_PERCENT]}.
 */
public final class FleetGenerator {
    private static final String[] BROKEN = {
        "host: %s\nsymptoms:\n  network.rdp_port: lots\n",
        "symptoms:\n  network.ping_ok: true\n",
        "host: %s\nsymptoms:\n  client.error_code: [0x904\n",
        "",
    };

    private FleetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        double bad = args.length > 2 ? Double.parseDouble(args[2]) / 100 : 0.02;
        int broken = generate(Path.of("examples"), out, count, bad, 7);
        System.out.println("wrote " + count + " files (" + broken + " broken) under " + out);
    }

    /** Writes {@code count} files; returns how many are broken on purpose. */
    public static int generate(Path examples, Path out, int count, double badFraction, long seed) throws IOException {
        List<String> templates = new ArrayList<>();
        try (Stream<Path> s = Files.list(examples)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                templates.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        Random rnd = new Random(seed);
        int broken = 0;
        for (int i = 0; i < count; i++) {
            String host = String.format(Locale.ROOT, "host-%06d.fleet.example", i);
            Path dir = out.resolve(String.format(Locale.ROOT, "batch-%03d", i / 1000));
            Files.createDirectories(dir);
            String text;
            if (rnd.nextDouble() < badFraction) {
                text = String.format(Locale.ROOT, BROKEN[broken++ % BROKEN.length], host);
            } else {
                text = templates.get(rnd.nextInt(templates.size())).replaceFirst("(?m)^host: .*$", "host: " + host);
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "%06d.yaml", i)), text, StandardCharsets.UTF_8);
        }
        return broken;
    }
}
