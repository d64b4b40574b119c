package id.sinergi.common.validation;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Turns off Hibernate Validator's per-validation cache of the traversable resolver's answers. The cache pays off
 * for a resolver that asks JPA; {@link TraverseAll} answers yes at once, and the cache only added a map entry per
 * property of every validated object: a batch of a thousand audit events filled and grew a map of some twenty
 * thousand entries per request (docs/benchmarks.md).
 */
@Singleton
public class UncachedTraversal implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.enableTraversableResolverResultCache(false);
    }
}
