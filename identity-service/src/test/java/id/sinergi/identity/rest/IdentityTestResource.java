package id.sinergi.identity.rest;

import id.sinergi.devstack.testing.SinergiTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Real PostgreSQL (database {@code sinergi_identity_test}), a real Keycloak and a real consent-service run from
 * its build, for this module's tests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(
        value = SinergiTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = {
            @ResourceArg(name = "database", value = "sinergi_identity_test"),
            @ResourceArg(name = "service", value = "identity-service"),
            @ResourceArg(name = "services", value = "consent-service")
        })
public @interface IdentityTestResource {}
