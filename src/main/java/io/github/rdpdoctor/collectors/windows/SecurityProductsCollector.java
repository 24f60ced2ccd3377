package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host and client: {@code server.security_software} / {@code client.security_software}, the third-party
 * endpoint products that are active, or {@code none}. On client editions (ProductType 1) Security
 * Center's AntiVirusProduct lists them (productState bits 12..15 = 1: on); Security Center does not
 * exist on servers, so there (and also on clients) the running services of known products count
 * ({@link WindowsFacts#SECURITY_SERVICES}). Microsoft Defender is built in and not reported.
 */
public final class SecurityProductsCollector extends WindowsCollector {

    public SecurityProductsCollector() {
    }

    public SecurityProductsCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-security-products";
    }

    @Override
    public String snippet() {
        return "security-products.ps1";
    }

    @Override
    public Set<Side> sides() {
        return bothSides();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.security_software", "client.security_software");
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with AntiVirus and Services");
            return;
        }
        List<String> products = new ArrayList<>();
        for (JsonNode av : PsJson.rows(PsJson.field(root, "AntiVirus"))) {
            Optional<String> name = PsJson.text(av, "displayName");
            OptionalLong state = PsJson.integer(av, "productState");
            if (name.isEmpty()) {
                continue;
            }
            if (state.isEmpty() || WindowsFacts.securityCenterEnabled(state.getAsLong())) {
                products.add(name.get());
            } else if (!WindowsFacts.isBuiltInSecurity(name.get())) {
                facts.warn(name.get() + " is installed but its real-time protection is off");
            }
        }
        for (JsonNode svc : PsJson.rows(PsJson.field(root, "Services"))) {
            String name = PsJson.text(svc, "Name").orElse("");
            JsonNode status = PsJson.field(svc, "Status");
            boolean running = status.isNumber() ? status.asLong() == 4
                    : PsJson.text(status).map(s -> s.equalsIgnoreCase("running")).orElse(false);
            Optional<String> product = WindowsFacts.securityProductOfService(name);
            if (product.isPresent() && running) {
                products.add(product.get());
            }
        }
        boolean readSomething = PsJson.field(root, "Services").isArray() || PsJson.field(root, "Services").isObject()
                || PsJson.field(root, "AntiVirus").isArray() || PsJson.field(root, "AntiVirus").isObject();
        if (!readSomething) {
            facts.warn("neither Security Center nor the services could be read");
            return;
        }
        facts.put(facts.sided("security_software"), WindowsFacts.securitySoftwareValue(products));
    }
}
