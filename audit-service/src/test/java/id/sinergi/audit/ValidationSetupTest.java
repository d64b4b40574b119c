package id.sinergi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.common.validation.TraverseAll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.PredefinedScopeHibernateValidatorFactory;
import org.hibernate.validator.internal.engine.PredefinedScopeValidatorFactoryImpl;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation as the service runs it: every property is reachable without asking JPA, and the answers are not
 * cached per validation (common's UncachedTraversal; a batch of a thousand events filled a map of some twenty
 * thousand answers). The factory's own flag is read through Hibernate Validator's implementation class, which is
 * internal API: an upgrade that renames it fails here rather than silently bringing the cache back.
 */
@QuarkusTest
@AuditTestResource
class ValidationSetupTest {

    @Inject
    ValidatorFactory factory;

    @Test
    void shouldValidateWithTraverseAllAndNoCacheOfItsAnswers() {
        PredefinedScopeHibernateValidatorFactory hibernate =
                factory.unwrap(PredefinedScopeHibernateValidatorFactory.class);

        assertThat(hibernate.getTraversableResolver()).isInstanceOf(TraverseAll.class);
        assertThat(hibernate).isInstanceOfSatisfying(PredefinedScopeValidatorFactoryImpl.class, impl -> assertThat(
                        impl.isTraversableResolverResultCacheEnabled())
                .isFalse());
    }
}
