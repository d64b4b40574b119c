package id.sinergi.consent.ops;

import id.sinergi.consent.rest.ConsentDtos;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson writes outside REST signatures, registered for reflection in a native executable: the grant as
 * each version of its history stores it (GrantHistory). Native executables are not built or tested on this
 * project's machines; docs/operations.md lists every registration.
 */
@RegisterForReflection(targets = {ConsentDtos.GrantView.class})
public final class NativeReflection {

    private NativeReflection() {}
}
