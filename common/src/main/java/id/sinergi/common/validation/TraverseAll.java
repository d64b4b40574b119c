package id.sinergi.common.validation;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Lets Bean Validation reach and cascade into every property without asking Hibernate whether it is loaded. With
 * Hibernate ORM present Quarkus would ask it for every property of every validated object, request bodies
 * included, though they are records and never entities; in a batch of a thousand audit events that question was a
 * third of the service's time spent validating. No entity of the suite carries a constraint, and Bean Validation
 * runs on request bodies only, so there is no lazy association it could reach by mistake.
 */
@Singleton
public class TraverseAll implements TraversableResolver {

    @Override
    public boolean isReachable(
            Object traversableObject,
            Path.Node traversableProperty,
            Class<?> rootBeanType,
            Path pathToTraversableObject,
            ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(
            Object traversableObject,
            Path.Node traversableProperty,
            Class<?> rootBeanType,
            Path pathToTraversableObject,
            ElementType elementType) {
        return true;
    }
}
