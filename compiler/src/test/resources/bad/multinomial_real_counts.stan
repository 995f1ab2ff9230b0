// expect: 9:3: 'y' is real-valued, but multinomial is a distribution over integers >= 0; declare 'y' as int
data {
  vector[3] y;
}
parameters {
  simplex[3] theta;
}
model {
  y ~ multinomial(theta);
}
