package io.github.rdpdoctor.knowledge;

import java.util.List;

/**
 * A cause of failed RDP connections as the knowledge base ({@code kb/causes.yaml}) describes it.
 *
 * @param id          stable id from the contract, e.g. {@code credssp-nla-mismatch}
 * @param title       one line for a person, e.g. "CredSSP / NLA mismatch between client and host"
 * @param explanation why the cause produces the failure, in a few sentences
 * @param remediation ordered steps, first the least invasive
 * @param sources     seed documents and public documents the entry is based on
 */
public record Cause(String id, String title, String explanation, List<RemediationStep> remediation,
                    List<String> sources) {
    public Cause {
        remediation = List.copyOf(remediation);
        sources = List.copyOf(sources);
    }
}
