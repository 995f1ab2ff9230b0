// expect: 7:7: cannot assign matrix[3, 4] to 'b', which is vector[3]
// expect: 8:20: 'c' is declared matrix[4, 3], but its value is matrix[3, 4]
data { vector[3] v; row_vector[4] r; }
parameters { real z; }
model {
  vector[3] b;
  b = v * r;
  matrix[4, 3] c = v * r;
  z ~ normal(0, 1);
}
