package io.wirewatch.platform.topics;

import java.util.List;

/**
 * What provisioning found and did.
 *
 * @param created topics that did not exist and were created
 * @param unchanged topics that exist as specified
 * @param drift differences between existing topics and their specs (never changed automatically)
 */
public record ProvisioningReport(List<String> created, List<String> unchanged, List<Drift> drift) {

    /** One setting of an existing topic that differs from its spec. */
    public record Drift(String topic, String setting, String expected, String actual) {
        @Override
        public String toString() {
            return topic + ": " + setting + " is " + actual + ", expected " + expected;
        }
    }

    public boolean changedNothing() {
        return created.isEmpty();
    }

    @Override
    public String toString() {
        return "created " + created + ", unchanged " + unchanged.size() + (drift.isEmpty() ? "" : ", drift " + drift);
    }
}
