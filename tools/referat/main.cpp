#include <iostream>

int main() {
    std::cerr << "referat: not built yet\n";
    return 2;
}
