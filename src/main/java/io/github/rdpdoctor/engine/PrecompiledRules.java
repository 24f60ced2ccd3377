package io.github.rdpdoctor.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled rules compiled at build time ({@code mvn package} runs {@link #main}), so that a process does not pay
 * for compiling the bundled rules at every start. The file carries a SHA-256 of the DRL sources it was made from; when the
 * bundled sources differ (or the file is missing or unreadable), the rules are compiled from DRL as usual.
 * Public only for the build step; not part of the API.
 */
public final class PrecompiledRules {
    /** Classpath location of the precompiled bundled rules. */
    static final String RESOURCE = "rdp-doctor/rules.bin";

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledRules.class);

    private PrecompiledRules() {
    }

    /** The precompiled packages of exactly these sources, if the jar has them. */
    static Optional<Collection<KiePackage>> load(List<RuleSource> bundled) {
        try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(in.readAllBytes()));
            if (!digest(bundled).equals(data.readUTF())) {
                LOG.debug("{} was made from other rule sources; compiling the DRL", RESOURCE);
                return Optional.empty();
            }
            try (ObjectInputStream objects = new DroolsObjectInputStream(data, PrecompiledRules.class.getClassLoader())) {
                List<KiePackage> packages = new ArrayList<>();
                for (Object o : (List<?>) objects.readObject()) {
                    packages.add((KiePackage) o);
                }
                return Optional.of(packages);
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.debug("cannot use {} ({}); compiling the DRL", RESOURCE, e.toString());
            return Optional.empty();
        }
    }

    static void write(List<RuleSource> bundled, OutputStream out) throws IOException {
        Collection<KiePackage> packages = RuleCompiler.packages(bundled, List.of());
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(digest(bundled));
        try (ObjectOutputStream objects = new DroolsObjectOutputStream(data)) {
            objects.writeObject(new ArrayList<>(packages));
        }
    }

    static String digest(List<RuleSource> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleSource s : sources) {
                sha.update(s.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(s.drl().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Build step: writes the precompiled bundled rules to the path given (inside target/classes), and the index of the
     * bundled rule files ({@link RuleSource#INDEX}) beside them.
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        List<RuleSource> bundled = RuleSource.listed(PrecompiledRules.class.getClassLoader());
        try (OutputStream out = Files.newOutputStream(target)) {
            write(bundled, out);
        }
        StringBuilder index = new StringBuilder();
        for (RuleSource s : bundled) {
            index.append(s.name().substring("rules/".length())).append('\n');
        }
        Files.writeString(target.resolveSibling(RuleSource.INDEX.substring(RuleSource.INDEX.indexOf('/') + 1)), index);
    }
}
