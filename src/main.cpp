#include <cstdio>
int main() { std::puts("avenir: not wired yet"); return 1; }
