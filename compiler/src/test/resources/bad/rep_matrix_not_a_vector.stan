// expect: 8:20: rep_matrix(v, n) repeats a vector as columns or a row_vector as rows, got matrix[2, 3]
// expect: 9:20: rep_matrix(v, n) repeats a vector as columns or a row_vector as rows, got array[3] real
// expect: 10:20: got real; rep_matrix(x, m, n) repeats a single number
// expect: 11:20: rep_matrix's size must be an int, got real
data { matrix[2, 3] m; array[3] real a; real x; vector[3] v; }
parameters { real z; }
model {
  matrix[2, 2] b = rep_matrix(m, 2);
  matrix[3, 2] c = rep_matrix(a, 2);
  matrix[2, 2] d = rep_matrix(x, 2);
  matrix[3, 2] e = rep_matrix(v, x);
  z ~ normal(0, 1);
}
