package id.sinergi.consent;

import id.sinergi.devstack.testing.SinergiTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Real PostgreSQL (database {@code sinergi_consent_test}) and a real Keycloak for this module's tests, and the
 * identity-service stand-in in which consent-service checks grants' workers ({@link Workers}; why not the real one:
 * {@code id.sinergi.devstack.testing.IdentityStandIn}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(
        value = SinergiTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = {
            @ResourceArg(name = "database", value = "sinergi_consent_test"),
            @ResourceArg(name = "identityStandIn", value = "true")
        })
public @interface ConsentTestResource {}
