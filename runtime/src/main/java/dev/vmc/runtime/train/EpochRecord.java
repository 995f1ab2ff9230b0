package dev.vmc.runtime.train;

/**
 * One epoch of training, per datum.
 *
 * @param epoch      1-based
 * @param trainElbo  the mean of the epoch's minibatch ELBO estimates, per datum
 * @param heldOut    the held-out scores after the epoch, or null without held-out data
 * @param seconds    wall time of the epoch's steps (held-out scoring not included)
 * @param cpuSeconds the training thread's CPU time for them
 */
public record EpochRecord(int epoch, double trainElbo, HeldOut.Scores heldOut, double seconds, double cpuSeconds) {}
