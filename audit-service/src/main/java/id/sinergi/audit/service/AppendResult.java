package id.sinergi.audit.service;

/**
 * What an intake call did.
 *
 * @param accepted events newly added to the chain
 * @param duplicates events skipped because their id was already stored (or came twice in the batch)
 */
public record AppendResult(int accepted, int duplicates) {}
