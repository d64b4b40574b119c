package id.sinergi.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class PlainEventCheckTest {

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    /**
     * The constraints PlainEventCheck writes out. A change to the events' constraints changes what Hibernate
     * Validator lists, and this test fails until the check and this list follow it.
     */
    @Test
    void shouldKnowEveryConstraintOfTheEventsAsHibernateValidatorListsThem() {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("AuditEvent.id", "NotNull"),
                Map.entry("AuditEvent.occurredAt", "NotNull"),
                Map.entry("AuditEvent.service", "NotBlank Pattern([a-z][a-z0-9-]*) Size(0..64)"),
                Map.entry("AuditEvent.action", "NotBlank Pattern([a-z][a-z0-9.-]*) Size(0..96)"),
                Map.entry("AuditEvent.outcome", "NotNull"),
                Map.entry("AuditEvent.actor", "NotNull cascaded"),
                Map.entry("AuditEvent.purpose", "Size(0..64)"),
                Map.entry("AuditEvent.resourceType", "Size(0..64)"),
                Map.entry("AuditEvent.resourceId", "Size(0..128)"),
                Map.entry("AuditEvent.reason", "Size(0..500)"),
                Map.entry("AuditEvent.details", "SmallJsonObject"),
                Map.entry("AuditActor.subject", "NotBlank Size(0..64)"),
                Map.entry("AuditActor.username", "Size(0..255)"),
                Map.entry("AuditActor.agency", "Size(0..16)"),
                Map.entry("AuditActor.mission", "Size(0..64)"),
                Map.entry("AuditActor.clientId", "Size(0..255)"),
                Map.entry("AuditActor.roles", "elements: Size(0..64)")));

        Map<String, String> listed = new TreeMap<>();
        listed.putAll(constraints(AuditEvent.class));
        listed.putAll(constraints(AuditActor.class));

        assertThat(listed).isEqualTo(expected);
        assertThat(VALIDATOR.getConstraintsForClass(AuditEvent.class).getConstraintDescriptors())
                .as("class-level constraints")
                .isEmpty();
        assertThat(VALIDATOR.getConstraintsForClass(AuditActor.class).getConstraintDescriptors())
                .isEmpty();
    }

    /** The check never passes an event that Hibernate Validator finds a violation in. */
    @Test
    void shouldPassOnlyEventsHibernateValidatorFindsValid() throws Exception {
        Random random = new Random(20261205);
        int passed = 0;
        int valid = 0;
        for (int n = 0; n < 50_000; n++) {
            AuditEvent event = randomEvent(random);
            boolean isValid = VALIDATOR.validate(event).isEmpty();
            boolean passes = PlainEventCheck.passes(event);
            if (passes) {
                assertThat(isValid).as("%s", event).isTrue();
            }
            passed += passes ? 1 : 0;
            valid += isValid ? 1 : 0;
        }
        // Both verdicts occur often; nearly every valid event passes (only those with details are left to
        // Hibernate Validator).
        assertThat(passed).isBetween(2_000, 48_000);
        assertThat(valid - passed).isLessThan(valid / 3);
    }

    @Test
    void shouldPassAPlainEventAndLeaveOneWithDetailsToHibernateValidator() throws Exception {
        AuditEvent plain = event(Map.of());
        ObjectNode details = new ObjectMapper().createObjectNode().put("report", "wages unpaid");

        assertThat(PlainEventCheck.passes(plain)).isTrue();
        assertThat(PlainEventCheck.passes(event(Map.of("details", details)))).isFalse();
        assertThat(VALIDATOR.validate(event(Map.of("details", details)))).isEmpty();
    }

    private static Map<String, String> constraints(Class<?> type) {
        BeanDescriptor bean = VALIDATOR.getConstraintsForClass(type);
        Map<String, String> out = new TreeMap<>();
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            List<String> parts = new ArrayList<>(new TreeSet<>(property.getConstraintDescriptors().stream()
                    .map(PlainEventCheckTest::describe)
                    .toList()));
            if (property.isCascaded()) {
                parts.add("cascaded");
            }
            for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                parts.add("elements: "
                        + String.join(
                                " ",
                                new TreeSet<>(element.getConstraintDescriptors().stream()
                                        .map(PlainEventCheckTest::describe)
                                        .toList())));
            }
            out.put(type.getSimpleName() + "." + property.getPropertyName(), String.join(" ", parts));
        }
        return out;
    }

    private static String describe(ConstraintDescriptor<?> constraint) {
        Annotation a = constraint.getAnnotation();
        String name = a.annotationType().getSimpleName();
        Map<String, Object> attributes = constraint.getAttributes();
        return switch (name) {
            case "Size" -> name + "(" + attributes.get("min") + ".." + attributes.get("max") + ")";
            case "Pattern" -> name + "(" + attributes.get("regexp") + ")";
            default -> name;
        };
    }

    // Values at and around each rule's edges: null, empty, blank, other white space, lengths at and over the
    // limits, characters outside the patterns.
    private static final List<String> TEXT = Arrays.asList(
            null,
            "",
            " ",
            "\u2003",
            "\t",
            "a",
            "worker.read",
            "worker-read",
            "Worker",
            "1abc",
            "a_b",
            "a b",
            "é",
            ".read",
            "a.",
            "x".repeat(16),
            "x".repeat(17),
            "x".repeat(64),
            "x".repeat(65),
            "x".repeat(96),
            "x".repeat(97),
            "x".repeat(128),
            "x".repeat(129),
            "x".repeat(255),
            "x".repeat(256),
            "x".repeat(500),
            "x".repeat(501));

    private static AuditEvent randomEvent(Random random) throws Exception {
        Map<String, Object> changes = new HashMap<>();
        // Each event changes a few fields of a valid one, so that single broken rules are common.
        String[] fields = {
            "id",
            "occurredAt",
            "service",
            "action",
            "outcome",
            "actor",
            "purpose",
            "resourceType",
            "resourceId",
            "reason",
            "details",
            "subject",
            "username",
            "agency",
            "mission",
            "clientId",
            "roles"
        };
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String field = fields[random.nextInt(fields.length)];
            Object value =
                    switch (field) {
                        case "id", "occurredAt", "outcome", "actor" -> random.nextBoolean() ? null : "keep";
                        case "details" ->
                            random.nextInt(4) == 0
                                    ? new ObjectMapper().createObjectNode().put("k", TEXT.get(random.nextInt(7)))
                                    : null;
                        case "roles" ->
                            random.nextBoolean()
                                    ? null
                                    : Collections.singletonList(TEXT.get(random.nextInt(TEXT.size())));
                        default -> TEXT.get(random.nextInt(TEXT.size()));
                    };
            changes.put(field, value);
        }
        return event(changes);
    }

    private static AuditEvent event(Map<String, Object> changes) {
        Map<String, Object> v = new HashMap<>(Map.of(
                "service", "identity-service",
                "action", "worker.placement.read",
                "subject", "8f14e45f-ceea-467f-a8a9-1b2c3d4e5f60",
                "username", "consul.kl",
                "agency", "KEMLU",
                "mission", "KBRI-KUALALUMPUR",
                "clientId", "sinergi-portal"));
        v.put("roles", List.of("consular-officer"));
        v.put("purpose", "PROTECTION_CASE_HANDLING");
        v.put("resourceType", "case");
        v.put("resourceId", UUID.randomUUID().toString());
        v.put("reason", "basis=CONSENT");
        v.putAll(changes);
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) v.get("roles");
        AuditActor actor = removed(v, "actor")
                ? null
                : new AuditActor(
                        (String) v.get("subject"),
                        (String) v.get("username"),
                        (String) v.get("agency"),
                        (String) v.get("mission"),
                        (String) v.get("clientId"),
                        roles);
        return new AuditEvent(
                removed(v, "id") ? null : UUID.randomUUID(),
                removed(v, "occurredAt") ? null : Instant.parse("2026-12-05T08:00:00Z"),
                (String) v.get("service"),
                (String) v.get("action"),
                removed(v, "outcome") ? null : AuditOutcome.SUCCESS,
                actor,
                UUID.randomUUID(),
                (String) v.get("purpose"),
                (String) v.get("resourceType"),
                (String) v.get("resourceId"),
                (String) v.get("reason"),
                (ObjectNode) v.get("details"));
    }

    /** Whether the changes set this field to null. */
    private static boolean removed(Map<String, Object> values, String field) {
        return values.containsKey(field) && values.get(field) == null;
    }
}
