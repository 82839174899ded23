"""Screen 2, the fraud-risk register: the register and heat map, one risk, and their forms."""
