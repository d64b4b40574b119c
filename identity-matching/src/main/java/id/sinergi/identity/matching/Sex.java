package id.sinergi.identity.matching;

/** Sex as both ministries record it. */
public enum Sex {
    M,
    F
}
