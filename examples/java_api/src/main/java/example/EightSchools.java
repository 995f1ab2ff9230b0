package example;

import dev.vmc.api.CompiledModel;
import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import java.util.Map;

/** Eight schools, fitted from Java: a model from a string, data from Java values, no files. */
public class EightSchools {
    static final String MODEL = """
            data {
              int<lower=0> J;
              vector[J] y;
              vector<lower=0>[J] sigma;
            }
            latent {
              real mu;
              real<lower=0> tau;
              vector[J] theta_tilde;
            }
            derived {
              vector[J] theta = mu + tau * theta_tilde;
            }
            model {
              mu ~ normal(0, 5);
              tau ~ cauchy(0, 5);
              theta_tilde ~ normal(0, 1);
              y ~ normal(theta, sigma);
            }
            """;

    public static void main(String[] args) {
        CompiledModel model = Vmc.compile(MODEL, "eight_schools.vmodel");
        DataSet data = DataSet.of(Map.of(
                "J", 8,
                "y", new double[] {28, 8, -3, 7, -1, 1, 18, 12},
                "sigma", new double[] {15, 10, 16, 11, 9, 11, 10, 18}));
        FitResult fit = model.fit(data, FitOptions.defaults());
        System.out.printf("vmc %s: %s, ELBO %.2f (se %.2f), Pareto k-hat %.2f%n", Vmc.VERSION, fit.status(),
                fit.finalElbo().mean(), fit.finalElbo().standardError(), fit.psis().khat());
        System.out.print(fit.summary().format());
    }
}
