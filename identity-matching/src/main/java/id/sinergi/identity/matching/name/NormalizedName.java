package id.sinergi.identity.matching.name;

import java.util.List;

/**
 * A name reduced to comparable tokens: canonical spellings, no titles, the father's name (after bin/binti) apart.
 *
 * @param tokens the person's own name tokens, canonical, without repeats, in written order
 * @param fatherTokens the tokens after bin, binti, bt or bte, canonical; empty when none
 */
public record NormalizedName(List<String> tokens, List<String> fatherTokens) {

    public NormalizedName {
        tokens = List.copyOf(tokens);
        fatherTokens = List.copyOf(fatherTokens);
    }

    /** True when nothing of the person's own name is left. */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    @Override
    public String toString() {
        return "NormalizedName[" + tokens.size() + " tokens]";
    }
}
