package id.sinergi.audit;

import id.sinergi.devstack.testing.SinergiTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Real PostgreSQL (database {@code sinergi_audit_test}, the service running as its read-and-insert role) and a real
 * Keycloak for this module's tests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(
        value = SinergiTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = {
            @ResourceArg(name = "database", value = "sinergi_audit_test"),
            @ResourceArg(name = "auditAppRole", value = "true")
        })
public @interface AuditTestResource {}
