package io.github.rdpdoctor.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a fix.
 *
 * @param text    what to do, for a person
 * @param command the exact command, or null
 * @param caution why the step is risky (e.g. it weakens security and is only a test), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemediationStep(String text, String command, String caution) {
}
