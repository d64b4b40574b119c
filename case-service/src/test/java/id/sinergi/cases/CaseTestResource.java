package id.sinergi.cases;

import id.sinergi.devstack.testing.SinergiTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Real PostgreSQL (database {@code sinergi_case_test}), a real Keycloak, and identity-service with the
 * consent-service it calls, run from their builds, for this module's tests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(
        value = SinergiTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = {
            @ResourceArg(name = "database", value = "sinergi_case_test"),
            @ResourceArg(name = "services", value = "consent-service,identity-service"),
            @ResourceArg(name = "service", value = "case-service")
        })
public @interface CaseTestResource {}
