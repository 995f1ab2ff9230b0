// expect: 8:20: to_matrix(v, 2, 2) makes a matrix of 4 elements from the 3 of vector[3]
// expect: 9:20: to_matrix needs a matrix, a vector, a row_vector, a two-dimensional array or an array of row_vectors, got array[2] vector[3]
// expect: 10:20: to_matrix's size must be an int, got real
// expect: 11:20: to_matrix(x, m, n) refills a vector, a row_vector, a matrix or a one-dimensional array, got array[2] vector[3]
data { vector[3] v; array[2] vector[3] p; real x; }
parameters { real z; }
model {
  matrix[2, 2] b = to_matrix(v, 2, 2);
  matrix[2, 3] c = to_matrix(p);
  matrix[3, 1] d = to_matrix(v, 3, x);
  matrix[2, 3] e = to_matrix(p, 2, 3);
  z ~ normal(0, 1);
}
