package io.loopcrm.capture;

import java.util.List;

/**
 * A campaign's variants and their weights, for its split link: a new visitor gets a variant drawn
 * by weight, a returning one the variant it had (while the campaign still has it).
 */
public record Split(List<TrackingCodes.Target> variants, List<Integer> weights) {
  public int totalWeight() {
    return weights.stream().mapToInt(Integer::intValue).sum();
  }

  /** The variant a draw from {@code [0, totalWeight())} lands on. */
  public TrackingCodes.Target pick(int draw) {
    int left = draw;
    for (int i = 0; i < variants.size(); i++) {
      left -= weights.get(i);
      if (left < 0) {
        return variants.get(i);
      }
    }
    throw new IllegalArgumentException("draw " + draw + " is not below " + totalWeight());
  }

  /** The variant whose tracking code is {@code code}, or null. */
  public TrackingCodes.Target variant(String code) {
    for (TrackingCodes.Target t : variants) {
      if (t.code().equals(code)) {
        return t;
      }
    }
    return null;
  }
}
