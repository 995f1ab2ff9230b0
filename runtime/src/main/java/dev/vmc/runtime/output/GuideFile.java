package dev.vmc.runtime.output;

import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;

/**
 * The content of a guide.json: free-form metadata (model name, guide kind, vmc version...)
 * and the fitted parameters by name, both in file order.
 */
public record GuideFile(Map<String, String> meta, Map<String, Tensor> params) {}
